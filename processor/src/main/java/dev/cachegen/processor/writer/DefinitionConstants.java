package dev.cachegen.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.processor.model.CacheTtl;
import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.Freshness;
import dev.cachegen.processor.model.TtlFromPath;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code CacheDefinition} constant of each cached method: everything known at compile
 * time, with only the settings that differ from the runtime's defaults, except the durations, which
 * are always spelled out so a reader sees them.
 */
final class DefinitionConstants {
  /** Longer shape descriptions are cut in the Javadoc; the fingerprint covers all of it. */
  private static final int DESCRIPTION_LIMIT = 200;

  /** The name of the value in a compiled {@code unless} or {@code ttlFrom}: a lambda parameter. */
  private static final String UNLESS_VALUE = "result";

  /** The time a compiled {@code ttlFrom} is asked at, in epoch milliseconds. */
  private static final String NOW = "nowMillis";

  private final Naming naming;
  private final TypeTokens typeTokens;
  private final Javadocs javadocs;
  private final ConditionCode conditions;

  DefinitionConstants(
      Naming naming, TypeTokens typeTokens, Javadocs javadocs, ConditionCode conditions) {
    this.naming = naming;
    this.typeTokens = typeTokens;
    this.javadocs = javadocs;
    this.conditions = conditions;
  }

  /**
   * {@code (result, nowMillis) -> Values.ttlMillis(result == null ? null : result.expiresAt(),
   * nowMillis)}: a compiled {@code ttlFrom}, as the cache definition and the HTTP policy take it.
   */
  static CodeBlock ttlFromLambda(TtlFromPath ttlFrom) {
    return CodeBlock.of(
        "($N, $N) -> $T.ttlMillis($L, $N)",
        UNLESS_VALUE,
        NOW,
        RuntimeTypes.VALUES,
        KeyCode.valueExpression(ttlFrom.path(), UNLESS_VALUE),
        NOW);
  }

  /** The constant of {@code method}. */
  FieldSpec constant(CachedMethod method) {
    TypeName value = TypeName.get(method.valueType());
    CodeBlock.Builder init =
        CodeBlock.builder()
            .add(
                "$>$>\n$T.<$T>builder($S, $L)",
                RuntimeTypes.CACHE_DEFINITION,
                value,
                method.cacheName(),
                typeTokens.of(method.valueType()))
            .add("$>$>\n.shape($S)", method.shape().fingerprint());
    init.add("\n.ttlNanos($L) // $L", nanosLiteral(method.ttl()), method.ttl().text());
    init.add(
        "\n.localTtlNanos($L) // $L", nanosLiteral(method.localTtl()), method.localTtl().text());
    if (method.sliding()) {
      init.add("\n.sliding(true)");
    }
    if (method.cacheNulls()) {
      init.add("\n.cacheNulls(true)");
    }
    if (method.stampede() != StampedePolicy.LOCK) {
      init.add("\n.stampede($T.$L)", RuntimeTypes.STAMPEDE_POLICY, method.stampede().name());
    }
    freshness(init, method.freshness());
    method
        .unless()
        .ifPresent(
            unless ->
                init.add(
                    "\n.unless($N -> $L) // $L",
                    UNLESS_VALUE,
                    conditions.of(unless.expression(), UNLESS_VALUE),
                    unless.text()));
    method
        .ttlFrom()
        .ifPresent(
            ttlFrom -> init.add("\n.ttlFrom($L) // $L", ttlFromLambda(ttlFrom), ttlFrom.text()));
    init.add("\n.build()$<$<$<$<");
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.CACHE_DEFINITION, value),
            naming.constant(method),
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc(
            "Cache of $L; value shape {@code $L}.\n",
            javadocs.link(method),
            shorten(method.shape().description()))
        .initializer(init.build())
        .build();
  }

  /** Early refresh and the stale windows, only those that are set. */
  private static void freshness(CodeBlock.Builder init, Freshness freshness) {
    if (freshness.earlyRefresh() > 0) {
      init.add("\n.earlyRefresh($L)", Double.toString(freshness.earlyRefresh()));
    }
    freshness
        .staleWhileRevalidate()
        .ifPresent(
            w -> init.add("\n.staleWhileRevalidateNanos($L) // $L", nanosLiteral(w), w.text()));
    freshness
        .staleIfError()
        .ifPresent(w -> init.add("\n.staleIfErrorNanos($L) // $L", nanosLiteral(w), w.text()));
  }

  /** {@code 600_000_000_000L}: grouped by thousands, since nanoseconds are long numbers. */
  static String nanosLiteral(CacheTtl ttl) {
    return nanosLiteral(ttl.nanos());
  }

  /** {@code 2_000_000L} for {@code nanos} of zero or more. */
  static String nanosLiteral(long nanos) {
    String digits = Long.toString(nanos);
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        grouped.append('_');
      }
      grouped.append(digits.charAt(i));
    }
    return grouped.append('L').toString();
  }

  private static String shorten(String description) {
    return description.length() <= DESCRIPTION_LIMIT
        ? description
        : description.substring(0, DESCRIPTION_LIMIT) + "...";
  }
}
