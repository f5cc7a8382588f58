package dev.cachegen.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.cachegen.processor.model.CacheWrite;
import dev.cachegen.processor.model.Invalidation;
import dev.cachegen.processor.model.KeyPart;
import dev.cachegen.processor.model.ReturnKind;
import dev.cachegen.processor.model.TagTemplate;
import dev.cachegen.processor.model.WritingMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the bodies of methods that keep caches current. Write-through and invalidation act after
 * the delegate returned normally (for futures: after the future completed normally, inside {@code
 * thenApply}, so the returned future completes after the caches were updated); write-behind queues
 * the call, then stores the value. Each concern is one block: the write, then each eviction, then
 * the tags.
 */
final class WriteBodies {
  private final Naming naming;
  private final KeyCode keyCode;
  private final Javadocs javadocs;

  WriteBodies(Naming naming, KeyCode keyCode, Javadocs javadocs) {
    this.naming = naming;
    this.keyCode = keyCode;
    this.javadocs = javadocs;
  }

  /** Completes {@code spec}, the override of {@code method}. */
  MethodSpec of(WritingMethod method, MethodSpec.Builder spec) {
    Naming.Locals locals = Naming.locals(method.element());
    spec.addJavadoc(javadoc(method));
    if (method.write().isPresent() && method.write().get().isBehind()) {
      // Queued first: if the queue refuses the call (and the delegate, applying it in place,
      // fails), the cache must not hold a value the delegate never received.
      behind(method, spec, locals);
    } else if (method.returnKind().isAsync()) {
      spec.addCode(
          "return $L.thenApply($N -> {\n$>",
          MethodBodies.delegateCall(method.element()),
          locals.result());
      afterDelegate(method, spec, locals, locals.result());
      spec.addStatement("return $N", locals.result());
      spec.addCode("$<});\n");
    } else {
      plain(method, spec, locals);
    }
    return spec.build();
  }

  private void plain(WritingMethod method, MethodSpec.Builder spec, Naming.Locals locals) {
    CodeBlock call = MethodBodies.delegateCall(method.element());
    TypeMirror returnType = method.type().getReturnType();
    boolean returnsVoid = returnType.getKind() == TypeKind.VOID;
    if (returnsVoid) {
      spec.addStatement("$L", call);
    } else {
      spec.addStatement("$T $N = $L", TypeName.get(returnType), locals.result(), call);
    }
    String result = locals.result();
    if (method.returnKind() == ReturnKind.OPTIONAL && usesResult(method)) {
      spec.addStatement(
          "$T $N = $T.orNull($N)",
          TypeName.get(method.resultType().orElseThrow()),
          locals.resultValue(),
          RuntimeTypes.VALUES,
          locals.result());
      result = locals.resultValue();
    }
    afterDelegate(method, spec, locals, result);
    if (!returnsVoid) {
      spec.addStatement("return $N", locals.result());
    }
  }

  private void behind(WritingMethod method, MethodSpec.Builder spec, Naming.Locals locals) {
    CacheWrite write = method.write().orElseThrow();
    ExecutableElement element = method.element();
    String cache = naming.cacheReference(write.cache(), element);
    keys(spec, locals, write, cache, null);
    List<CodeBlock> arguments = new ArrayList<>();
    element.getParameters().forEach(p -> arguments.add(CodeBlock.of("$N", p.getSimpleName())));
    spec.addStatement(
        "$L.enqueue($N, new $N($L))",
        Naming.reference(naming.queueField(method), element),
        locals.sharedKey(),
        naming.callRecord(method),
        CodeBlock.join(arguments, ", "));
    put(spec, locals, write, cache, null);
    invalidations(method, spec, null);
  }

  /** What happens after the delegate returned {@code result} (a local name): the concerns. */
  private void afterDelegate(
      WritingMethod method, MethodSpec.Builder spec, Naming.Locals locals, String result) {
    if (method.write().isPresent()) {
      CacheWrite write = method.write().get();
      String cache = naming.cacheReference(write.cache(), method.element());
      keys(spec, locals, write, cache, result);
      put(spec, locals, write, cache, result);
    }
    invalidations(method, spec, result);
  }

  private void keys(
      MethodSpec.Builder spec,
      Naming.Locals locals,
      CacheWrite write,
      String cache,
      String result) {
    spec.addStatement(
        "$T $N = $L", Object.class, locals.key(), keyCode.localKey(write.keyValues(), result));
    spec.addStatement(
        "$T $N = $L",
        String.class,
        locals.sharedKey(),
        keyCode.sharedKey(write.keyParts(), cache, result));
    if (!write.tags().isEmpty()) {
      spec.addStatement(
          "$T[] $N = $L", String.class, locals.tags(), keyCode.tagArray(write.tags(), result));
    }
  }

  private static void put(
      MethodSpec.Builder spec,
      Naming.Locals locals,
      CacheWrite write,
      String cache,
      String result) {
    CodeBlock value = CodeBlock.of("$N", write.valueParameter().orElse(result));
    if (write.tags().isEmpty()) {
      spec.addStatement("$L.put($N, $N, $L)", cache, locals.key(), locals.sharedKey(), value);
    } else {
      spec.addStatement(
          "$L.put($N, $N, $N, $L)", cache, locals.key(), locals.sharedKey(), locals.tags(), value);
    }
  }

  private void invalidations(WritingMethod method, MethodSpec.Builder spec, String result) {
    for (Invalidation invalidation : method.invalidations()) {
      String cache = naming.cacheReference(invalidation.cache(), method.element());
      if (invalidation.allEntries()) {
        spec.addStatement("$L.invalidateAll()", cache);
      } else {
        spec.addStatement(
            "$L.invalidate(\n$L,\n$L)",
            cache,
            keyCode.localKey(invalidation.keyValues(), result),
            keyCode.sharedKey(invalidation.keyParts(), cache, result));
      }
    }
    List<TagTemplate> tags = method.invalidatedTags();
    if (tags.size() == 1) {
      spec.addStatement(
          "this.$N.invalidateTags($L)", Naming.RUNTIME, keyCode.tag(tags.get(0), result));
    } else if (!tags.isEmpty()) {
      List<CodeBlock> built = new ArrayList<>();
      tags.forEach(tag -> built.add(CodeBlock.of("\n$L", keyCode.tag(tag, result))));
      spec.addStatement("this.$N.invalidateTags($L)", Naming.RUNTIME, CodeBlock.join(built, ","));
    }
  }

  /** Whether any template or the written value reads the returned value. */
  private static boolean usesResult(WritingMethod method) {
    Stream<KeyPart> parts = method.invalidatedTags().stream().flatMap(t -> t.parts().stream());
    for (Invalidation invalidation : method.invalidations()) {
      parts = Stream.concat(parts, invalidation.keyParts().stream());
    }
    if (method.write().isPresent()) {
      CacheWrite write = method.write().get();
      if (write.valueParameter().isEmpty()) {
        return true;
      }
      parts = Stream.concat(parts, write.keyParts().stream());
      parts = Stream.concat(parts, write.tags().stream().flatMap(t -> t.parts().stream()));
    }
    return parts.anyMatch(p -> p instanceof KeyPart.Value value && value.fromResult());
  }

  /** One line saying what the method does, in order, linking the interface method. */
  private CodeBlock javadoc(WritingMethod method) {
    List<CodeBlock> after = new ArrayList<>();
    CodeBlock.Builder doc = CodeBlock.builder();
    if (method.write().isPresent() && method.write().get().isBehind()) {
      CacheWrite write = method.write().get();
      doc.add(
          "Write-behind $L: queues the call for the delegate on {@code $L}, caches {@code $L}",
          javadocs.link(method),
          write.queue().orElseThrow().name(),
          write.cache().cacheName());
    } else {
      String kind = method.write().isPresent() ? "Write-through" : "Invalidating";
      String when =
          method.returnKind().isAsync()
              ? "the delegate; when its future completes, "
              : "the delegate, then ";
      doc.add("$L $L: $L", kind, javadocs.link(method), when);
      method
          .write()
          .ifPresent(
              write -> after.add(CodeBlock.of("cache {@code $L}", write.cache().cacheName())));
    }
    for (Invalidation invalidation : method.invalidations()) {
      after.add(
          CodeBlock.of(
              invalidation.allEntries() ? "clear {@code $L}" : "evict from {@code $L}",
              invalidation.cache().cacheName()));
    }
    if (!method.invalidatedTags().isEmpty()) {
      List<CodeBlock> tags = new ArrayList<>();
      method.invalidatedTags().forEach(t -> tags.add(CodeBlock.of("{@code $L}", t.template())));
      after.add(
          CodeBlock.of(
              "invalidate $L $L", tags.size() == 1 ? "tag" : "tags", CodeBlock.join(tags, ", ")));
    }
    boolean behind = method.write().isPresent() && method.write().get().isBehind();
    if (behind && !after.isEmpty()) {
      doc.add(", then ");
    }
    return doc.add(CodeBlock.join(after, ", ")).add(".\n").build();
  }
}
