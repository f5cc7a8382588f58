package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.Batching;
import dev.cachegen.processor.model.KeyPart;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks the batching attributes of a {@code @Cached} method ({@code batchWith}, {@code
 * batchWindow}, {@code maxBatch}) and describes its batching: the named method must be a bulk
 * method of the interface that takes this method's key type and returns its value type, and the
 * method must have a key of one value and a value that a batch can leave out ({@code null}).
 */
final class BatchingValidator {
  private static final String BATCH_WITH = "batchWith";
  private static final String BATCH_WINDOW = "batchWindow";
  private static final String MAX_BATCH = "maxBatch";

  /**
   * The methods of the interface, where {@code batchWith} names are looked up.
   *
   * @param interfaceName the interface's simple name, for messages
   * @param methods every method the decorator overrides, in order
   * @param members their types as members of the interface
   */
  record Siblings(
      String interfaceName,
      List<ExecutableElement> methods,
      Map<ExecutableElement, ExecutableType> members) {}

  private final Diagnostics diagnostics;
  private final Types types;
  private final BulkMethods bulkMethods;
  private final KeyShapes shapes;

  BatchingValidator(Diagnostics diagnostics, Types types, BulkMethods bulkMethods) {
    this.diagnostics = diagnostics;
    this.types = types;
    this.bulkMethods = bulkMethods;
    this.shapes = new KeyShapes(types);
  }

  /**
   * The batching of {@code method}, empty when it has none or after reporting errors (the caller
   * tells them apart by the error count). {@code keyParts} and {@code value} are empty when their
   * own checks failed; then the types are not compared.
   */
  Optional<Batching> validate(
      ExecutableElement method,
      AnnotationAttributes cached,
      boolean bulk,
      Optional<List<KeyPart>> keyParts,
      Optional<ValueTypes.Unwrapped> value,
      Siblings siblings) {
    String name = method.getSimpleName().toString();
    String target = cached.string(BATCH_WITH);
    if (target.isEmpty()) {
      for (String attribute : List.of(BATCH_WINDOW, MAX_BATCH)) {
        AnnotationValue written = cached.written(attribute);
        if (written != null) {
          diagnostics.error(
              method,
              cached.mirror(),
              written,
              Message.BATCH_SETTING_WITHOUT_BATCH_WITH,
              attribute,
              name,
              attribute);
        }
      }
      return Optional.empty();
    }
    AnnotationValue position = cached.written(BATCH_WITH);
    if (bulk) {
      diagnostics.error(method, cached.mirror(), position, Message.BATCH_WITH_ON_BULK, name);
      return Optional.empty();
    }
    int errorsBefore = diagnostics.errorCount();
    Optional<Long> window = window(method, cached);
    int maxBatch = cached.integer(MAX_BATCH);
    if (maxBatch < 1) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written(MAX_BATCH),
          Message.BATCH_MAX_BATCH,
          maxBatch,
          name);
    }
    Optional<TypeMirror> valueType = value.flatMap(v -> batchableValue(method, cached, v));
    Optional<TypeMirror> keyType = keyParts.flatMap(parts -> singleKey(method, cached, parts));
    Optional<ExecutableElement> loader = find(method, cached, target, siblings);
    if (loader.isEmpty()) {
      return Optional.empty();
    }
    ExecutableType loaderType = siblings.members().get(loader.get());
    BulkMethods.Loader shape = bulkMethods.loader(loader.get(), loaderType);
    String signature = shapes.signature(loader.get());
    if (shape.problem() != null) {
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.BATCH_WITH_NOT_BULK,
          target,
          name,
          signature,
          shape.problem(),
          keyType.map(TypeMirror::toString).orElse("K"),
          valueType.map(TypeMirror::toString).orElse("V"),
          target,
          keyType.map(TypeMirror::toString).orElse("K"));
      return Optional.empty();
    }
    bulkMethods.checkThrows(loader.get(), loaderType, cached, position, "Bulk method", method);
    if (keyType.isPresent()
        && valueType.isPresent()
        && (!types.isSameType(keyType.get(), shape.keyType())
            || !types.isSameType(valueType.get(), shape.valueType()))) {
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.BATCH_WITH_TYPE_MISMATCH,
          target,
          name,
          signature,
          shape.keyType(),
          shape.valueType(),
          name,
          keyType.get(),
          valueType.get(),
          keyType.get(),
          valueType.get(),
          target,
          keyType.get());
    }
    if (diagnostics.errorCount() > errorsBefore
        || keyType.isEmpty()
        || valueType.isEmpty()
        || window.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Batching(
            loader.get(),
            shape.kind(),
            keyType.get(),
            window.get(),
            window.get() == 0 ? "0ms" : DurationParser.format(window.get()),
            maxBatch));
  }

  /** The window in nanoseconds, zero or more; empty after reporting it. */
  private Optional<Long> window(ExecutableElement method, AnnotationAttributes cached) {
    String text = cached.string(BATCH_WINDOW);
    Optional<BigInteger> nanos = DurationParser.exactNanos(text);
    Message problem = null;
    if (nanos.isEmpty()) {
      problem = Message.DURATION_MALFORMED;
    } else if (nanos.get().signum() < 0) {
      problem = Message.BATCH_WINDOW_NEGATIVE;
    } else if (nanos.get().bitLength() > 63) {
      problem = Message.DURATION_TOO_LONG;
    }
    if (problem == null) {
      return Optional.of(nanos.get().longValueExact());
    }
    AnnotationValue position = cached.written(BATCH_WINDOW);
    if (problem == Message.BATCH_WINDOW_NEGATIVE) {
      diagnostics.error(method, cached.mirror(), position, problem, text, method.getSimpleName());
    } else {
      diagnostics.error(
          method, cached.mirror(), position, problem, BATCH_WINDOW, text, method.getSimpleName());
    }
    return Optional.empty();
  }

  /** The value type when a batch can deliver it (a missing key is {@code null}). */
  private Optional<TypeMirror> batchableValue(
      ExecutableElement method, AnnotationAttributes cached, ValueTypes.Unwrapped value) {
    String why =
        switch (value.kind()) {
          case PLAIN, OPTIONAL -> null;
          case PRIMITIVE ->
              "a key the bulk method leaves out loads as null, which a primitive cannot hold";
          case COMPLETABLE_FUTURE, COMPLETION_STAGE, MONO, FLUX ->
              "batched loads block the caller, which a method returning a future must not do";
        };
    if (why == null) {
      return Optional.of(value.valueType());
    }
    diagnostics.error(
        method,
        cached.mirror(),
        cached.written(BATCH_WITH),
        Message.BATCH_WITH_UNSUPPORTED_RETURN,
        method.getSimpleName(),
        method.getReturnType(),
        why);
    return Optional.empty();
  }

  /** The boxed type of the single key value, or empty after reporting that there is none. */
  private Optional<TypeMirror> singleKey(
      ExecutableElement method, AnnotationAttributes cached, List<KeyPart> parts) {
    List<KeyPart.Value> values = new ArrayList<>();
    for (KeyPart part : parts) {
      if (part instanceof KeyPart.Value value) {
        values.add(value);
      }
    }
    if (values.size() == 1) {
      return Optional.of(boxed(values.get(0).type()));
    }
    diagnostics.error(
        method,
        cached.mirror(),
        cached.written(BATCH_WITH),
        Message.BATCH_WITH_KEY_COUNT,
        method.getSimpleName(),
        shapes.describe(parts),
        values.size());
    return Optional.empty();
  }

  /**
   * The method {@code target} names: the first of that name shaped as a bulk method, or the first.
   */
  private Optional<ExecutableElement> find(
      ExecutableElement method, AnnotationAttributes cached, String target, Siblings siblings) {
    List<ExecutableElement> named = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ExecutableElement sibling : siblings.methods()) {
      String siblingName = sibling.getSimpleName().toString();
      if (sibling.equals(method)) {
        continue;
      }
      if (siblingName.equals(target)) {
        named.add(sibling);
      }
      BulkMethods.Loader shape = bulkMethods.loader(sibling, siblings.members().get(sibling));
      if (shape.problem() == null && !names.contains(siblingName)) {
        names.add(siblingName);
      }
    }
    for (ExecutableElement candidate : named) {
      if (bulkMethods.loader(candidate, siblings.members().get(candidate)).problem() == null) {
        return Optional.of(candidate);
      }
    }
    if (!named.isEmpty()) {
      return Optional.of(named.get(0));
    }
    String hint =
        EditDistance.closest(target, names)
            .map(closest -> " Did you mean \"" + closest + "\"?")
            .orElse("");
    hint =
        names.isEmpty()
            ? hint
                + " It has no bulk method; add one, such as Map<Long, Item> findAll(Collection<Long>"
                + " ids)."
            : hint + " Its bulk methods: " + String.join(", ", names) + ".";
    diagnostics.error(
        method,
        cached.mirror(),
        cached.written(BATCH_WITH),
        Message.BATCH_WITH_UNKNOWN_METHOD,
        target,
        method.getSimpleName(),
        siblings.interfaceName(),
        hint);
    return Optional.empty();
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
  }
}
