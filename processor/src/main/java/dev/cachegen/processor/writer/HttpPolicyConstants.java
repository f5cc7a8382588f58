package dev.cachegen.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.cachegen.annotations.ETag;
import dev.cachegen.processor.model.HttpPolicy;
import dev.cachegen.processor.model.LastModified;
import java.time.Duration;
import java.time.Instant;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Writes the public {@code HttpCachePolicy} constant of each method with an effective
 * {@code @CacheControl}, which users hand to {@code HttpCacheHandler.builder}. The {@code
 * Cache-Control} value is the text computed at compile time; only settings that differ from the
 * builder's defaults are written.
 */
final class HttpPolicyConstants {
  /** The lambda parameter of a converting {@code lastModified}, and its local. */
  private static final String VALUE = "value";

  private static final String MODIFIED = "modified";

  private final Naming naming;
  private final Types types;
  private final TypeTokens typeTokens;
  private final Javadocs javadocs;

  HttpPolicyConstants(Naming naming, Types types, TypeTokens typeTokens, Javadocs javadocs) {
    this.naming = naming;
    this.types = types;
    this.typeTokens = typeTokens;
    this.javadocs = javadocs;
  }

  /** The constant of {@code policy}. */
  FieldSpec constant(HttpPolicy policy) {
    TypeName value = TypeName.get(policy.valueType());
    CodeBlock token = typeTokens.of(policy.valueType());
    CodeBlock.Builder init = CodeBlock.builder();
    if (token.toString().endsWith(".class")) {
      init.add("$>$>\n$T.builder($L)", RuntimeTypes.HTTP_CACHE_POLICY, token);
    } else {
      // A generic type: builder(Type) cannot infer the type argument from a Type.
      init.add("$>$>\n$T.<$T>builder($L)", RuntimeTypes.HTTP_CACHE_POLICY, value, token);
    }
    init.add("$>$>\n.cacheControl($S)", policy.cacheControl());
    if (policy.etag() != ETag.STRONG) {
      init.add("\n.etag($T.$L)", RuntimeTypes.ETAG, policy.etag().name());
    }
    if (!policy.vary().isEmpty()) {
      init.add(
          "\n.vary($L)",
          CodeBlock.join(
              policy.vary().stream().map(name -> CodeBlock.of("$S", name)).toList(), ", "));
    }
    policy
        .lastModified()
        .ifPresent(accessor -> init.add("\n.lastModified($L)", lastModified(policy, accessor)));
    policy
        .maxAgeFromTtl()
        .ifPresent(
            ttl ->
                init.add(
                    "\n.maxAgeFromTtl($L, $T.ofNanos($L)) // $L, at most $L",
                    DefinitionConstants.ttlFromLambda(ttl.ttlFrom()),
                    Duration.class,
                    DefinitionConstants.nanosLiteral(ttl.longest()),
                    ttl.ttlFrom().text(),
                    ttl.longest().text()));
    init.add("\n.build()$<$<$<$<");
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.HTTP_CACHE_POLICY, value.box()),
            naming.httpConstant(policy),
            Modifier.PUBLIC,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc(
            "HTTP caching of $L: {@code Cache-Control: $L}$L. Serve it with {@code"
                + " HttpCacheHandler.builder($N)}.\n",
            javadocs.link(policy.element()),
            policy.cacheControl(),
            policy.maxAgeFromTtl().isPresent()
                ? " and a {@code max-age} of the time the value has left to live"
                : "",
            naming.httpConstant(policy))
        .initializer(init.build())
        .build();
  }

  /**
   * An {@code Instant} accessor as a method reference; others as a null-safe lambda, since the
   * runtime takes a {@code null} to mean "when stored".
   */
  private CodeBlock lastModified(HttpPolicy policy, LastModified accessor) {
    TypeMirror valueType = types.erasure(policy.valueType());
    return switch (accessor.conversion()) {
      case NONE -> CodeBlock.of("$T::$N", TypeName.get(valueType), accessor.method());
      case TO_INSTANT -> converting(accessor, CodeBlock.of("$N.toInstant()", MODIFIED));
      case EPOCH_MILLIS ->
          converting(
              accessor, CodeBlock.of("$T.ofEpochMilli($N.getTime())", Instant.class, MODIFIED));
    };
  }

  private static CodeBlock converting(LastModified accessor, CodeBlock conversion) {
    return CodeBlock.builder()
        .add("$N -> {\n$>", VALUE)
        .addStatement(
            "$T $N = $N.$N()",
            TypeName.get(accessor.returnType()),
            MODIFIED,
            VALUE,
            accessor.method())
        .addStatement("return $N == null ? null : $L", MODIFIED, conversion)
        .add("$<}")
        .build();
  }
}
