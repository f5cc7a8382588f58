package dev.cachegen.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.cachegen.processor.model.Batching;
import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.DecoratorModel;
import dev.cachegen.processor.model.MethodModel;
import dev.cachegen.processor.model.WritingMethod;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Types;

/**
 * Writes the decorator class of one interface: the class skeleton here, the constants, keys and
 * method bodies in their own parts. A pure function of the model; it reports nothing.
 */
public final class DecoratorWriter {
  /** The processor named in {@code @Generated}. */
  static final String PROCESSOR = "dev.cachegen.processor.CachingProcessor";

  private final Types types;

  /** Writes with {@code types} (for erasures and members of generic interfaces). */
  public DecoratorWriter(Types types) {
    this.types = types;
  }

  /** The source file of {@code model}'s decorator. */
  public JavaFile write(DecoratorModel model) {
    Naming naming = new Naming(model);
    Javadocs javadocs = new Javadocs(types);
    ConditionCode conditionCode = new ConditionCode(types);
    DefinitionConstants constants =
        new DefinitionConstants(naming, new TypeTokens(types), javadocs, conditionCode);
    DeclaredType interfaceType = (DeclaredType) model.element().asType();
    KeyCode keyCode = new KeyCode(types);
    MethodBodies bodies =
        new MethodBodies(
            types,
            interfaceType,
            naming,
            keyCode,
            conditionCode,
            javadocs,
            new WriteBodies(naming, keyCode, javadocs));
    WriteQueues queues = new WriteQueues(model, naming, javadocs);
    TypeName interfaceName = TypeName.get(interfaceType);
    ClassName rawInterface = ClassName.get(model.element());

    TypeSpec.Builder type =
        TypeSpec.classBuilder(Naming.decoratorName(model))
            .addOriginatingElement(model.element())
            .addJavadoc(
                "Caching decorator of {@link $T}, written by cachegen from the interface's"
                    + " annotations.\n"
                    + "Calls of cached methods are answered from the caches when possible;$L all"
                    + " other calls go straight to the delegate.\n$L",
                rawInterface,
                model.writingMethods().isEmpty() ? "" : " writes keep the caches current;",
                model.httpPolicies().isEmpty()
                    ? ""
                    : "The {@code _HTTP} constants say how HTTP clients and shared caches may keep"
                        + " the answers of the methods with {@code @CacheControl}; serve them with"
                        + " {@code dev.cachegen.runtime.http.HttpCacheHandler}.\n")
            .addModifiers(Modifier.FINAL)
            .addTypeVariables(typeVariables(model))
            .addSuperinterface(interfaceName);
    if (model.generatedVisible()) {
      type.addAnnotation(generated());
    }
    if (model.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }
    List<CachedMethod> cached = model.cachedMethods();
    List<WritingMethod> behind = queues.methods();
    HttpPolicyConstants httpPolicies =
        new HttpPolicyConstants(naming, types, new TypeTokens(types), javadocs);
    model.httpPolicies().forEach(policy -> type.addField(httpPolicies.constant(policy)));
    cached.forEach(method -> type.addField(constants.constant(method)));
    behind.forEach(method -> type.addField(queues.constant(method)));
    type.addField(interfaceName, Naming.DELEGATE, Modifier.PRIVATE, Modifier.FINAL);
    if (needsRuntime(model)) {
      type.addField(RuntimeTypes.CACHE_RUNTIME, Naming.RUNTIME, Modifier.PRIVATE, Modifier.FINAL);
    }
    cached.forEach(method -> type.addField(cacheField(naming, method)));
    cached.stream()
        .filter(method -> method.batching().isPresent())
        .forEach(method -> type.addField(batcherField(naming, method)));
    behind.forEach(method -> type.addField(queues.field(method)));
    type.addMethod(constructor(model, naming, interfaceName, queues));
    for (MethodModel method : model.methods()) {
      type.addMethod(bodies.of(method));
    }
    behind.forEach(method -> type.addType(queues.callRecord(method)));
    return JavaFile.builder(model.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** {@code @Generated("dev.cachegen.processor.CachingProcessor")}, on every generated class. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(RuntimeTypes.GENERATED)
        .addMember("value", "$S", PROCESSOR)
        .build();
  }

  private static List<TypeVariableName> typeVariables(DecoratorModel model) {
    return model.element().getTypeParameters().stream()
        .map(TypeParameterElement.class::cast)
        .map(TypeVariableName::get)
        .toList();
  }

  private static FieldSpec cacheField(Naming naming, CachedMethod method) {
    TypeName cache =
        ParameterizedTypeName.get(RuntimeTypes.CACHE, TypeName.get(method.valueType()));
    return FieldSpec.builder(cache, naming.cacheField(method), Modifier.PRIVATE, Modifier.FINAL)
        .build();
  }

  private static FieldSpec batcherField(Naming naming, CachedMethod method) {
    TypeName batcher =
        ParameterizedTypeName.get(
            RuntimeTypes.BATCHER,
            TypeName.get(method.batching().orElseThrow().keyType()),
            TypeName.get(method.valueType()));
    return FieldSpec.builder(batcher, naming.batcherField(method), Modifier.PRIVATE, Modifier.FINAL)
        .build();
  }

  /**
   * {@code this.ownerBatcher = runtime.batcher(...)}: the runtime owns the batcher's thread, so it
   * stops with the runtime.
   */
  private static CodeBlock batcher(Naming naming, CachedMethod method) {
    Batching batching = method.batching().orElseThrow();
    String keys = "keys";
    return CodeBlock.of(
        "this.$N = $N.batcher(\n$S,\n$L, // $L\n$L,\n$N -> $L)",
        naming.batcherField(method),
        Naming.RUNTIME,
        method.cacheName(),
        DefinitionConstants.nanosLiteral(batching.windowNanos()),
        batching.windowText(),
        batching.maxBatch(),
        keys,
        MethodBodies.delegateCall(
            batching.bulkMethod(), MethodBodies.keysArgument(batching.parameterKind(), keys)));
  }

  /** Tag invalidation goes through the runtime itself, so only then does the decorator keep it. */
  private static boolean needsRuntime(DecoratorModel model) {
    return model.writingMethods().stream().anyMatch(m -> !m.invalidatedTags().isEmpty());
  }

  private static MethodSpec constructor(
      DecoratorModel model, Naming naming, TypeName interfaceName, WriteQueues queues) {
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Decorates {@code $N}, keeping cached values in the caches of {@code $N}.\n",
                Naming.DELEGATE,
                Naming.RUNTIME)
            .addParameter(interfaceName, Naming.DELEGATE)
            .addParameter(RuntimeTypes.CACHE_RUNTIME, Naming.RUNTIME)
            .addStatement(
                "this.$N = $T.requireNonNull($N, $S)",
                Naming.DELEGATE,
                Objects.class,
                Naming.DELEGATE,
                Naming.DELEGATE);
    if (needsRuntime(model)) {
      constructor.addStatement(
          "this.$N = $T.requireNonNull($N, $S)",
          Naming.RUNTIME,
          Objects.class,
          Naming.RUNTIME,
          Naming.RUNTIME);
    } else {
      constructor.addStatement(
          "$T.requireNonNull($N, $S)", Objects.class, Naming.RUNTIME, Naming.RUNTIME);
    }
    for (CachedMethod method : model.cachedMethods()) {
      constructor.addStatement(
          "this.$N = $N.cache($N)",
          naming.cacheField(method),
          Naming.RUNTIME,
          naming.constant(method));
    }
    for (CachedMethod method : model.cachedMethods()) {
      if (method.batching().isPresent()) {
        constructor.addStatement(batcher(naming, method));
      }
    }
    for (WritingMethod method : queues.methods()) {
      constructor.addStatement(queues.register(method));
    }
    return constructor.build();
  }
}
