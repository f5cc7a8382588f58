package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.CacheWrite;
import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.Invalidation;
import dev.cachegen.processor.model.KeyPart;
import dev.cachegen.processor.model.TagTemplate;
import dev.cachegen.processor.model.WriteQueue;
import dev.cachegen.processor.model.WritingMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one method with {@code @WriteThrough}, {@code @WriteBehind}, {@code @Invalidate} or
 * {@code @InvalidateTags} and describes it. Every cache it names must be read by a {@code @Cached}
 * method of the interface, and every key and value must fit that method's: the same key shape, an
 * assignable value, the same number of tags. Every annotation is checked even after an earlier one
 * failed.
 */
final class WriteMethodValidator {
  private static final String VALUE = "value";
  private static final String KEY = "key";
  private static final String TAGS = "tags";

  /**
   * The caches of one interface, as its {@code @Cached} methods define them.
   *
   * @param interfaceName the interface's simple name, for messages
   * @param defined the first valid {@code @Cached} method of each cache name
   * @param declared every cache name a {@code @Cached} method declares, valid or not, in order
   */
  record Caches(String interfaceName, Map<String, CachedMethod> defined, Set<String> declared) {}

  private final Diagnostics diagnostics;
  private final Elements elements;
  private final Types types;
  private final ValueTypes valueTypes;
  private final KeyResolver keys;
  private final KeyShapes shapes;

  WriteMethodValidator(
      Diagnostics diagnostics,
      Elements elements,
      Types types,
      ValueTypes valueTypes,
      KeyResolver keys) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.types = types;
    this.valueTypes = valueTypes;
    this.keys = keys;
    this.shapes = new KeyShapes(types);
  }

  /** The model of {@code method}, or empty after reporting its errors. */
  Optional<WritingMethod> validate(ExecutableElement method, ExecutableType type, Caches caches) {
    int errorsBefore = diagnostics.errorCount();
    Optional<AnnotationMirror> through =
        AnnotationMirrors.find(method, AnnotationMirrors.WRITE_THROUGH);
    Optional<AnnotationMirror> behind =
        AnnotationMirrors.find(method, AnnotationMirrors.WRITE_BEHIND);
    if (through.isPresent() && behind.isPresent()) {
      diagnostics.error(
          method, behind.get(), Message.WRITE_THROUGH_WITH_WRITE_BEHIND, method.getSimpleName());
      return Optional.empty();
    }
    Optional<TypeMirror> result = valueTypes.writtenResult(type.getReturnType());
    TemplateScope scope = TemplateScope.withResult(method, type, result);
    Optional<CacheWrite> write = Optional.empty();
    if (through.isPresent()) {
      write =
          write(method, type, attributes(through.get()), scope, result, Optional.empty(), caches);
    } else if (behind.isPresent()) {
      AnnotationAttributes attributes = attributes(behind.get());
      Optional<WriteQueue> queue = queue(method, type, attributes);
      // A non-void method was reported; its value and key would only add confusing errors.
      if (type.getReturnType().getKind() == TypeKind.VOID) {
        write = write(method, type, attributes, scope, Optional.empty(), queue, caches);
      }
    }
    List<Invalidation> invalidations = new ArrayList<>();
    for (AnnotationMirror mirror : AnnotationMirrors.invalidates(method)) {
      invalidation(method, type, attributes(mirror), scope, caches).ifPresent(invalidations::add);
    }
    List<TagTemplate> invalidatedTags = invalidatedTags(method, scope);
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new WritingMethod(
            method,
            type,
            valueTypes.kindOf(type.getReturnType()),
            result,
            write,
            invalidations,
            invalidatedTags));
  }

  // ---- writes ------------------------------------------------------------------------------

  private Optional<CacheWrite> write(
      ExecutableElement method,
      ExecutableType type,
      AnnotationAttributes write,
      TemplateScope scope,
      Optional<TypeMirror> result,
      Optional<WriteQueue> queue,
      Caches caches) {
    int errorsBefore = diagnostics.errorCount();
    Optional<CachedMethod> cache = cache(method, write, caches);
    String valueName = write.string(VALUE);
    Optional<String> valueParameter =
        valueName.isEmpty() ? Optional.empty() : Optional.of(valueName);
    Optional<TypeMirror> valueType = writtenValue(method, type, write, result, cache);
    Optional<List<KeyPart>> key = keys.key(method, type, scope, write, valueParameter);
    Optional<List<TagTemplate>> tags = keys.tags(method, scope, write, TAGS);
    if (cache.isEmpty()) {
      return Optional.empty();
    }
    CachedMethod read = cache.get();
    if (valueType.isPresent() && !types.isAssignable(valueType.get(), read.valueType())) {
      diagnostics.error(
          method,
          write.mirror(),
          write.written(VALUE),
          Message.WRITE_VALUE_TYPE_MISMATCH,
          read.cacheName(),
          read.valueType(),
          shapes.signature(read.element()),
          write.simpleName(),
          method.getSimpleName(),
          valueName.isEmpty() ? "its result" : "its parameter '" + valueName + "'",
          valueType.get());
    }
    key.ifPresent(parts -> checkKeyShape(method, write, read, parts));
    Optional<List<TagTemplate>> allTags = tags.map(written -> withConstantTags(read, written));
    allTags.ifPresent(written -> checkTags(method, write, read, written));
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new CacheWrite(read, key.orElseThrow(), valueParameter, allTags.orElseThrow(), queue));
  }

  /** The type of the stored value, boxed; empty after reporting that there is none. */
  private Optional<TypeMirror> writtenValue(
      ExecutableElement method,
      ExecutableType type,
      AnnotationAttributes write,
      Optional<TypeMirror> result,
      Optional<CachedMethod> cache) {
    String valueName = write.string(VALUE);
    if (valueName.isEmpty()) {
      if (result.isEmpty()) {
        diagnostics.error(
            method,
            write.mirror(),
            Message.WRITE_VOID_WITHOUT_VALUE,
            write.simpleName(),
            method.getSimpleName(),
            type.getReturnType(),
            write.string("name"),
            suggestedValue(method, type, cache));
      }
      return result;
    }
    for (int i = 0; i < method.getParameters().size(); i++) {
      if (method.getParameters().get(i).getSimpleName().contentEquals(valueName)) {
        return Optional.of(boxed(type.getParameterTypes().get(i)));
      }
    }
    TemplateScope parameters = TemplateScope.parameters(method, type, null);
    String hint = parameters.hint(valueName);
    if (valueName.equals(TemplateScope.RESULT)) {
      hint = hint + " Leave value out to store the returned value.";
    }
    diagnostics.error(
        method,
        write.mirror(),
        write.written(VALUE),
        Message.WRITE_UNKNOWN_VALUE,
        valueName,
        write.simpleName(),
        method.getSimpleName(),
        hint);
    return Optional.empty();
  }

  /** The first parameter the cache could hold, else the first parameter, for a hint. */
  private String suggestedValue(
      ExecutableElement method, ExecutableType type, Optional<CachedMethod> cache) {
    for (int i = 0; cache.isPresent() && i < method.getParameters().size(); i++) {
      if (types.isAssignable(boxed(type.getParameterTypes().get(i)), cache.get().valueType())) {
        return method.getParameters().get(i).getSimpleName().toString();
      }
    }
    return method.getParameters().isEmpty()
        ? "item"
        : method.getParameters().get(0).getSimpleName().toString();
  }

  /**
   * The tags a write gives its entry: {@code written} as declared when it has as many tags as the
   * cache; else, when it declares exactly the cache's templated tags in order, those with the
   * cache's constant tags ({@code "products"}) inherited at their places, since nothing about them
   * depends on the writer's parameters. Anything else is left for {@link #checkTags} to report.
   */
  private static List<TagTemplate> withConstantTags(CachedMethod read, List<TagTemplate> written) {
    List<TagTemplate> cacheTags = read.tags();
    long templated = cacheTags.stream().filter(t -> !isConstant(t)).count();
    if (written.size() == cacheTags.size() || written.size() != templated) {
      return written;
    }
    List<TagTemplate> merged = new ArrayList<>();
    int next = 0;
    for (TagTemplate tag : cacheTags) {
      merged.add(isConstant(tag) ? tag : written.get(next++));
    }
    return merged;
  }

  private static boolean isConstant(TagTemplate tag) {
    return tag.parts().stream().noneMatch(KeyPart.Value.class::isInstance);
  }

  private void checkTags(
      ExecutableElement method,
      AnnotationAttributes write,
      CachedMethod read,
      List<TagTemplate> written) {
    if (written.size() != read.tags().size()) {
      diagnostics.error(
          method,
          write.mirror(),
          write.written(TAGS),
          Message.WRITE_TAGS_MISSING,
          read.cacheName(),
          describeTags(read.tags(), "no tags"),
          shapes.signature(read.element()),
          write.simpleName(),
          method.getSimpleName(),
          describeTags(written, "none"));
      return;
    }
    for (int i = 0; i < written.size(); i++) {
      List<KeyPart> expected = read.tags().get(i).parts();
      List<KeyPart> actual = written.get(i).parts();
      if (!shapes.same(expected, actual)) {
        diagnostics.error(
            method,
            write.mirror(),
            write.writtenElement(TAGS, i),
            Message.WRITE_TAG_SHAPE_MISMATCH,
            i + 1,
            read.cacheName(),
            shapes.describe(expected),
            shapes.signature(read.element()),
            write.simpleName(),
            method.getSimpleName(),
            written.get(i).template(),
            shapes.describe(actual));
      }
    }
  }

  private static String describeTags(List<TagTemplate> tags, String none) {
    if (tags.isEmpty()) {
      return none;
    }
    return tags.stream()
        .map(t -> "\"" + t.template() + "\"")
        .collect(Collectors.joining(", ", tags.size() + " (", ")"));
  }

  /** The queue of a {@code @WriteBehind} method, after checking what a queued call needs. */
  private Optional<WriteQueue> queue(
      ExecutableElement method, ExecutableType type, AnnotationAttributes behind) {
    boolean ok = true;
    if (type.getReturnType().getKind() != TypeKind.VOID) {
      ok = false;
      diagnostics.error(
          method,
          behind.mirror(),
          Message.WRITE_BEHIND_NOT_VOID,
          method.getSimpleName(),
          type.getReturnType());
    }
    int maxAttempts = behind.integer("maxAttempts");
    if (maxAttempts < 1) {
      ok = false;
      diagnostics.error(
          method,
          behind.mirror(),
          behind.written("maxAttempts"),
          Message.WRITE_BEHIND_MAX_ATTEMPTS,
          maxAttempts,
          method.getSimpleName());
    }
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      TypeMirror parameterType = type.getParameterTypes().get(i);
      Optional<ValueTypes.Problem> problem = valueTypes.firstProblem(parameterType);
      if (problem.isPresent()) {
        ok = false;
        diagnostics.error(
            parameter,
            Message.WRITE_BEHIND_PARAMETER_NOT_ENCODABLE,
            parameter.getSimpleName(),
            method.getSimpleName(),
            parameterType,
            problem.get().clause());
      }
    }
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    for (TypeMirror thrown : type.getThrownTypes()) {
      if (!types.isSubtype(thrown, exception)) {
        ok = false;
        diagnostics.error(
            method,
            behind.mirror(),
            Message.WRITE_BEHIND_THROWS_THROWABLE,
            method.getSimpleName(),
            thrown);
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new WriteQueue(
            CachedMethodValidator.defaultName(method, AnnotationMirrors.WRITE_BEHIND),
            maxAttempts,
            behind.bool("coalesce")));
  }

  // ---- invalidations -----------------------------------------------------------------------

  private Optional<Invalidation> invalidation(
      ExecutableElement method,
      ExecutableType type,
      AnnotationAttributes invalidate,
      TemplateScope scope,
      Caches caches) {
    Optional<CachedMethod> cache = cache(method, invalidate, caches);
    if (invalidate.bool("allEntries")) {
      if (!invalidate.string(KEY).isEmpty()) {
        diagnostics.error(
            method,
            invalidate.mirror(),
            invalidate.written(KEY),
            Message.INVALIDATE_ALL_ENTRIES_WITH_KEY,
            invalidate.string("name"),
            method.getSimpleName(),
            invalidate.string(KEY));
        return Optional.empty();
      }
      return cache.map(read -> new Invalidation(read, true, List.of()));
    }
    Optional<List<KeyPart>> key = keys.key(method, type, scope, invalidate, Optional.empty());
    if (cache.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    if (!checkKeyShape(method, invalidate, cache.get(), key.get())) {
      return Optional.empty();
    }
    return Optional.of(new Invalidation(cache.get(), false, key.get()));
  }

  private List<TagTemplate> invalidatedTags(ExecutableElement method, TemplateScope scope) {
    Optional<AnnotationMirror> mirror =
        AnnotationMirrors.find(method, AnnotationMirrors.INVALIDATE_TAGS);
    if (mirror.isEmpty()) {
      return List.of();
    }
    AnnotationAttributes invalidateTags = attributes(mirror.get());
    if (invalidateTags.strings(VALUE).isEmpty()) {
      diagnostics.error(
          method, mirror.get(), Message.INVALIDATE_TAGS_EMPTY, method.getSimpleName());
      return List.of();
    }
    return keys.tags(method, scope, invalidateTags, VALUE).orElse(List.of());
  }

  // ---- shared checks -----------------------------------------------------------------------

  /** Reports a key whose shape differs from the cache's; true when the shapes agree. */
  private boolean checkKeyShape(
      ExecutableElement method,
      AnnotationAttributes annotation,
      CachedMethod read,
      List<KeyPart> key) {
    if (shapes.same(read.keyParts(), key)) {
      return true;
    }
    String template = annotation.string(KEY);
    diagnostics.error(
        method,
        annotation.mirror(),
        annotation.written(KEY),
        Message.WRITE_KEY_SHAPE_MISMATCH,
        read.cacheName(),
        shapes.describe(read.keyParts()),
        shapes.signature(read.element()),
        method.getSimpleName(),
        template.isEmpty() ? "default key (its parameters)" : "key \"" + template + "\"",
        shapes.describe(key));
    return false;
  }

  /**
   * The {@code @Cached} method that defines the cache {@code annotation} names. Empty after
   * reporting an unknown name, or silently when that method has errors of its own.
   */
  private Optional<CachedMethod> cache(
      ExecutableElement method, AnnotationAttributes annotation, Caches caches) {
    String name = annotation.string("name");
    CachedMethod read = caches.defined().get(name);
    if (read != null) {
      return Optional.of(read);
    }
    if (!caches.declared().contains(name)) {
      diagnostics.error(
          method,
          annotation.mirror(),
          annotation.written("name"),
          Message.WRITE_UNKNOWN_CACHE,
          annotation.simpleName(),
          method.getSimpleName(),
          name,
          caches.interfaceName(),
          cacheHint(name, caches.declared()));
    }
    return Optional.empty();
  }

  private static String cacheHint(String name, Set<String> declared) {
    if (declared.isEmpty()) {
      return " The interface has no @Cached method; add the one that reads this cache.";
    }
    String known =
        declared.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ")) + ".";
    return EditDistance.closest(name, declared)
        .map(closest -> " Did you mean \"" + closest + "\"? Known caches: " + known)
        .orElse(" Known caches: " + known);
  }

  private AnnotationAttributes attributes(AnnotationMirror mirror) {
    return new AnnotationAttributes(mirror, elements);
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
  }
}
