package dev.cachegen.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.cachegen.processor.model.BulkKeys;
import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.CheckedCondition;
import dev.cachegen.processor.model.CollectionKind;
import dev.cachegen.processor.model.DelegatingMethod;
import dev.cachegen.processor.model.Freshness;
import dev.cachegen.processor.model.KeyPart;
import dev.cachegen.processor.model.MethodModel;
import dev.cachegen.processor.model.ReturnKind;
import dev.cachegen.processor.model.WritingMethod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Types;

/**
 * Writes the overriding methods: a cached method reads L1 inline (a hit costs one lookup and no
 * allocation beyond the key), then hands L2 and the delegate to the runtime; writing methods are
 * left to {@link WriteBodies}; every other method calls the delegate. The delegate is always {@code
 * this.delegate}, so a parameter named {@code delegate} cannot shadow it.
 */
final class MethodBodies {
  private final Types types;
  private final DeclaredType interfaceType;
  private final Naming naming;
  private final KeyCode keyCode;
  private final ConditionCode conditions;
  private final Javadocs javadocs;
  private final WriteBodies writes;

  MethodBodies(
      Types types,
      DeclaredType interfaceType,
      Naming naming,
      KeyCode keyCode,
      ConditionCode conditions,
      Javadocs javadocs,
      WriteBodies writes) {
    this.types = types;
    this.interfaceType = interfaceType;
    this.naming = naming;
    this.keyCode = keyCode;
    this.conditions = conditions;
    this.javadocs = javadocs;
    this.writes = writes;
  }

  /** The override of {@code method}. */
  MethodSpec of(MethodModel method) {
    if (method instanceof CachedMethod cached) {
      return cached(cached);
    }
    if (method instanceof WritingMethod writing) {
      return writes.of(writing, overriding(writing.element(), interfaceType, types));
    }
    return delegating((DelegatingMethod) method);
  }

  private MethodSpec delegating(DelegatingMethod method) {
    MethodSpec.Builder spec = overriding(method.element(), interfaceType, types);
    spec.addJavadoc("Delegates $L.\n", javadocs.link(method));
    if (method.type().getReturnType().getKind() == TypeKind.VOID) {
      spec.addStatement("$L", delegateCall(method.element()));
    } else {
      spec.addStatement("return $L", delegateCall(method.element()));
    }
    return spec.build();
  }

  private MethodSpec cached(CachedMethod method) {
    if (method.isBulk()) {
      return bulk(method);
    }
    Naming.Locals locals = Naming.locals(method.element());
    String cache = naming.cacheReference(method);
    TypeName value = TypeName.get(method.valueType());
    MethodSpec.Builder spec = overriding(method.element(), interfaceType, types);
    if (method.batching().isPresent()) {
      spec.addJavadoc(
          "Cached $L: L1, then L2, then the delegate, with misses batched into $L.\n",
          javadocs.link(method),
          javadocs.link(method.batching().get().bulkMethod()));
    } else {
      spec.addJavadoc("Cached $L: L1, then L2, then the delegate.\n", javadocs.link(method));
    }
    freshnessJavadoc(spec, method.freshness());
    if (method.returnKind().isReactive()) {
      // Reactor users expect nothing to happen before they subscribe, and a new look at the
      // cache on each subscription. LazyMono is Mono.defer whose block() lets a hit's Mono.just
      // answer at once instead of subscribing to it.
      spec.addJavadoc(
          "Nothing happens before a subscription; each subscription looks at the caches again,"
              + " and subscribers of one key share one load.\n");
      spec.addCode(
          "return $T.defer(() -> {\n$>",
          method.returnKind() == ReturnKind.MONO ? RuntimeTypes.LAZY_MONO : RuntimeTypes.FLUX);
    }
    condition(spec, method);
    spec.addStatement("$T $N = $L", Object.class, locals.key(), keyCode.localKey(method));
    spec.addStatement(
        "$T $N = $L.getIfPresent($N)",
        ParameterizedTypeName.get(RuntimeTypes.CACHE_ENTRY, value),
        locals.cached(),
        cache,
        locals.key());
    if (method.freshness().isChecked()) {
      // An entry due for early refresh or past its expiry goes on to the runtime, which may
      // still answer with it at once while it reloads.
      spec.beginControlFlow(
          "if ($N != null && !$L.refreshDue($N))", locals.cached(), cache, locals.cached());
    } else {
      spec.beginControlFlow("if ($N != null)", locals.cached());
    }
    spec.addStatement("return $L", hit(method, locals)).endControlFlow();
    spec.addStatement(
        "$T $N = $L", String.class, locals.sharedKey(), keyCode.sharedKey(method, cache));
    if (!method.tags().isEmpty()) {
      spec.addStatement(
          "$T[] $N = $L", String.class, locals.tags(), keyCode.tagArray(method.tags(), null));
    }
    spec.addStatement("return $L", miss(method, locals, cache));
    if (method.returnKind().isReactive()) {
      spec.addCode("$<});\n");
    }
    return spec.build();
  }

  /**
   * {@code if (!(page == 0)) return this.delegate.find(page);}: a call whose {@code condition} is
   * false skips the caches, and a line of Javadoc says so; {@code unless} lives in the definition.
   */
  private void condition(MethodSpec.Builder spec, CachedMethod method) {
    method
        .unless()
        .ifPresent(
            unless ->
                spec.addJavadoc(
                    "A loaded value for which {@code $L} holds is returned but not cached.\n",
                    unless.text()));
    if (method.condition().isEmpty()) {
      return;
    }
    CheckedCondition condition = method.condition().get();
    spec.addJavadoc(
        "Caches only when {@code $L}; other calls go straight to the delegate.\n",
        condition.text());
    spec.beginControlFlow("if ($L)", conditions.negationOf(condition.expression(), null))
        .addStatement("return $L", delegateCall(method.element()))
        .endControlFlow();
  }

  /** One line per freshness setting, saying what a caller gets around the entry's expiry. */
  private static void freshnessJavadoc(MethodSpec.Builder spec, Freshness freshness) {
    if (freshness.earlyRefresh() > 0) {
      spec.addJavadoc(
          "An entry picked for early refresh is answered at once and reloaded in the"
              + " background.\n");
    }
    freshness
        .staleWhileRevalidate()
        .ifPresent(
            w ->
                spec.addJavadoc(
                    "An entry up to $L past its expiry is answered at once and reloaded in the"
                        + " background.\n",
                    w.text()));
    freshness
        .staleIfError()
        .ifPresent(
            w ->
                spec.addJavadoc(
                    "An entry up to $L past its expiry is answered when its reload fails.\n",
                    w.text()));
  }

  private static CodeBlock hit(CachedMethod method, Naming.Locals locals) {
    CodeBlock value = CodeBlock.of("$N.value()", locals.cached());
    return switch (method.returnKind()) {
      case PLAIN, PRIMITIVE -> value;
      case OPTIONAL -> CodeBlock.of("$T.ofNullable($L)", Optional.class, value);
      case COMPLETABLE_FUTURE, COMPLETION_STAGE ->
          CodeBlock.of("$T.completedFuture($L)", CompletableFuture.class, value);
      case MONO -> CodeBlock.of("$T.justOrEmpty($L)", RuntimeTypes.MONO, value);
      case FLUX -> CodeBlock.of("$T.fromIterable($L)", RuntimeTypes.FLUX, value);
    };
  }

  /**
   * A bulk method: the runtime reads every key from L1, the rest from L2, and calls the delegate
   * once with the keys still missing; the lambdas build each key's two keys from the element.
   */
  private MethodSpec bulk(CachedMethod method) {
    BulkKeys bulk = method.bulk().orElseThrow();
    Naming.BulkLocals locals = Naming.bulkLocals(method.element(), bulk.parameter());
    String cache = naming.cacheReference(method);
    List<KeyPart> elementKey = KeyCode.rootedAt(method.keyParts(), locals.element());
    MethodSpec.Builder spec = overriding(method.element(), interfaceType, types);
    spec.addJavadoc(
        "Cached bulk $L: each key on its own, L1, then L2, then one delegate call with the keys"
            + " still missing.\n",
        javadocs.link(method));
    condition(spec, method);
    spec.addStatement(
        "return $L.getAll(\n$N,\n$N -> $L,\n$N -> $L,\n$N -> $L)",
        cache,
        bulk.parameter(),
        locals.element(),
        keyCode.localKey(KeyCode.values(elementKey), null),
        locals.element(),
        keyCode.sharedKey(elementKey, cache, null),
        locals.missing(),
        delegateCall(method.element(), keysArgument(bulk.kind(), locals.missing())));
    return spec.build();
  }

  /**
   * The runtime's {@code Collection} of keys {@code keys} (a local name), as the delegate's
   * parameter of kind {@code kind} takes it: a copy in the runtime's order for lists and sets.
   */
  static CodeBlock keysArgument(CollectionKind kind, String keys) {
    return switch (kind) {
      case COLLECTION -> CodeBlock.of("$N", keys);
      case LIST -> CodeBlock.of("new $T<>($N)", ArrayList.class, keys);
      case SET -> CodeBlock.of("new $T<>($N)", LinkedHashSet.class, keys);
    };
  }

  private CodeBlock miss(CachedMethod method, Naming.Locals locals, String cache) {
    CodeBlock call =
        method.batching().isPresent()
            ? CodeBlock.of(
                "$L.load($L)",
                Naming.reference(naming.batcherField(method), method.element()),
                KeyCode.valueExpression(method.keyValues().get(0), null))
            : delegateCall(method.element());
    // get(key, sharedKey, [tags,] cached, loader): the entry the L1 lookup found, if any, goes
    // with the call, so that the runtime decides from it and keeps no state between the calls.
    CodeBlock keys =
        method.tags().isEmpty()
            ? CodeBlock.of("$N, $N, $N", locals.key(), locals.sharedKey(), locals.cached())
            : CodeBlock.of(
                "$N, $N, $N, $N", locals.key(), locals.sharedKey(), locals.tags(), locals.cached());
    return switch (method.returnKind()) {
      case PLAIN, PRIMITIVE -> CodeBlock.of("$L.get($L, () -> $L)", cache, keys, call);
      case OPTIONAL ->
          method.batching().isPresent()
              ? CodeBlock.of(
                  "$T.ofNullable($L.get($L, () -> $L))", Optional.class, cache, keys, call)
              : CodeBlock.of(
                  "$T.ofNullable($L.get($L, () -> $T.orNull($L)))",
                  Optional.class,
                  cache,
                  keys,
                  RuntimeTypes.VALUES,
                  call);
      case COMPLETABLE_FUTURE, COMPLETION_STAGE ->
          CodeBlock.of("$L.getAsync($L, () -> $L)", cache, keys, call);
      // The load is shared by the key's subscribers, so one subscriber's cancellation must not
      // cancel it (suppressCancel); the delegate's publisher is subscribed once, by toFuture.
      case MONO ->
          CodeBlock.of(
              "$T.fromFuture($L.getAsync($L, () -> $L.toFuture()), true)",
              RuntimeTypes.MONO,
              cache,
              keys,
              call);
      case FLUX ->
          CodeBlock.of(
              "$T.fromFuture($L.getAsync($L, () -> $L.collectList().toFuture()), true)"
                  + "\n.flatMapIterable($T.identity())",
              RuntimeTypes.MONO,
              cache,
              keys,
              call,
              Function.class);
    };
  }

  /** {@code this.delegate.findAll(argument)}, for a method of one parameter. */
  static CodeBlock delegateCall(ExecutableElement method, CodeBlock argument) {
    return CodeBlock.of(
        "this.$N.$N($L)", Naming.DELEGATE, method.getSimpleName().toString(), argument);
  }

  /** {@code this.delegate.find(id)}. */
  static CodeBlock delegateCall(ExecutableElement method) {
    return CodeBlock.of(
        "this.$N.$N($L)",
        Naming.DELEGATE,
        method.getSimpleName().toString(),
        String.join(
            ", ", method.getParameters().stream().map(p -> p.getSimpleName().toString()).toList()));
  }

  /** The signature of {@code method} as a member of {@code interfaceType}, ready for a body. */
  static MethodSpec.Builder overriding(
      ExecutableElement method, DeclaredType interfaceType, Types types) {
    MethodSpec.Builder spec = MethodSpec.overriding(method, interfaceType, types);
    // Calling a deprecated method warns unless the caller is deprecated too; users build with
    // -Werror, and the decorator only passes the deprecation on.
    boolean deprecated =
        method.getAnnotationMirrors().stream()
            .anyMatch(a -> a.getAnnotationType().toString().equals("java.lang.Deprecated"));
    if (deprecated) {
      spec.addAnnotation(Deprecated.class);
    }
    return spec;
  }
}
