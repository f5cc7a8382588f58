package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.BulkKeys;
import dev.cachegen.processor.model.CollectionKind;
import dev.cachegen.processor.model.KeyPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Recognizes and checks bulk methods, {@code Map<K, V> findAll(Collection<K> ids)}, whose every key
 * is cached on its own; and tells whether a method can load the batches of a single-key method
 * ({@code batchWith}).
 *
 * <p>A {@code @Cached} method is read as a bulk method when it returns a {@code Map} (or a future
 * of one) and takes a collection, unless a key template or {@code @CacheKey} on another parameter
 * says that the collection is not the key. Its checks then say what a bulk method must look like,
 * rather than that a collection is no key part.
 */
final class BulkMethods {
  private static final Map<String, CollectionKind> KINDS =
      Map.of(
          "java.util.Collection", CollectionKind.COLLECTION,
          "java.util.List", CollectionKind.LIST,
          "java.util.Set", CollectionKind.SET);

  /** How a {@code @Cached} method's signature reads. */
  enum Form {
    /** Cached as one entry: the usual case. */
    SINGLE,
    /** One entry per element of its collection parameter. */
    BULK,
    /** Takes only a collection of keys and returns a collection: a bulk method gone wrong. */
    COLLECTION_RETURN
  }

  /**
   * A checked bulk method.
   *
   * @param keys its keys parameter
   * @param valueType {@code V}
   * @param keyParts the key of one element
   */
  record Bulk(BulkKeys keys, TypeMirror valueType, List<KeyPart> keyParts) {}

  /**
   * The shape of a method that could load batches, or why it cannot.
   *
   * @param kind its collection parameter's kind, or {@code null} with a problem
   * @param keyType {@code K}, or {@code null} with a problem
   * @param valueType {@code V}, or {@code null} with a problem
   * @param problem why it is no bulk method, as a clause; {@code null} when it is one
   */
  record Loader(CollectionKind kind, TypeMirror keyType, TypeMirror valueType, String problem) {}

  private final Diagnostics diagnostics;
  private final Elements elements;
  private final Types types;
  private final ValueTypes valueTypes;
  private final KeyPartTypes keyPartTypes;

  BulkMethods(
      Diagnostics diagnostics,
      Elements elements,
      Types types,
      ValueTypes valueTypes,
      KeyPartTypes keyPartTypes) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.types = types;
    this.valueTypes = valueTypes;
    this.keyPartTypes = keyPartTypes;
  }

  /** How the {@code @Cached} method {@code method} is cached. */
  Form classify(ExecutableElement method, ExecutableType type, AnnotationAttributes cached) {
    List<TypeMirror> parameters = new ArrayList<>(type.getParameterTypes());
    boolean takesCollection = parameters.stream().anyMatch(this::isCollection);
    if (!takesCollection) {
      return Form.SINGLE;
    }
    TypeMirror returned = type.getReturnType();
    boolean returnsMap =
        isMap(returned) || futureArgument(returned).filter(this::isMap).isPresent();
    if (!cached.string("key").isEmpty()) {
      // A template names the key: the collection is no key, unless it is all there is.
      return returnsMap && parameters.size() == 1 ? Form.BULK : Form.SINGLE;
    }
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      if (AnnotationMirrors.has(parameter, AnnotationMirrors.CACHE_KEY)
          && !isCollection(parameters.get(i))) {
        return Form.SINGLE;
      }
    }
    if (returnsMap) {
      return Form.BULK;
    }
    return parameters.size() == 1 && isCollection(returned) ? Form.COLLECTION_RETURN : Form.SINGLE;
  }

  /** Reports that {@code method} returns a collection for a collection of keys. */
  void reportCollectionReturn(
      ExecutableElement method, ExecutableType type, AnnotationAttributes cached) {
    TypeMirror parameter = type.getParameterTypes().get(0);
    diagnostics.error(
        method,
        cached.mirror(),
        Message.BULK_RETURNS_COLLECTION,
        method.getSimpleName(),
        method.getParameters().get(0).getSimpleName(),
        type.getReturnType(),
        elementType(parameter).map(TypeMirror::toString).orElse("K"));
  }

  /** The bulk method {@code method}, or empty after reporting its errors. */
  Optional<Bulk> validate(
      ExecutableElement method, ExecutableType type, AnnotationAttributes cached) {
    int errorsBefore = diagnostics.errorCount();
    String name = method.getSimpleName().toString();
    int keysIndex = 0;
    while (!isCollection(type.getParameterTypes().get(keysIndex))) {
      keysIndex++;
    }
    VariableElement keysParameter = method.getParameters().get(keysIndex);
    String keysName = keysParameter.getSimpleName().toString();
    List<String> others = new ArrayList<>();
    VariableElement firstOther = null;
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      if (i != keysIndex) {
        others.add("'" + parameter.getSimpleName() + "'");
        firstOther = firstOther == null ? parameter : firstOther;
      }
    }
    if (firstOther != null) {
      String list = String.join(", ", others);
      diagnostics.error(firstOther, Message.BULK_PARAMETER_COUNT, name, list, keysName, list);
    }
    if (!cached.string("key").isEmpty()) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written("key"),
          Message.BULK_KEY_TEMPLATE,
          name,
          cached.string("key"),
          keysName);
    }
    if (!cached.strings("tags").isEmpty()) {
      diagnostics.error(
          method, cached.mirror(), cached.written("tags"), Message.BULK_TAGS_NOT_SUPPORTED, name);
    }
    TypeMirror keysType = type.getParameterTypes().get(keysIndex);
    Optional<CollectionKind> kind = kind(keysType);
    Optional<TypeMirror> keyType = kind.isPresent() ? elementType(keysType) : Optional.empty();
    if (keyType.isEmpty()) {
      diagnostics.error(keysParameter, Message.BULK_PARAMETER_TYPE, keysName, name, keysType);
    }
    TypeMirror returned = type.getReturnType();
    Optional<TypeMirror> future = futureArgument(returned);
    Optional<List<TypeMirror>> entry = Optional.empty();
    if (future.isPresent()) {
      diagnostics.error(method, cached.mirror(), Message.BULK_ASYNC_NOT_SUPPORTED, name, returned);
    } else {
      entry = mapArguments(returned);
      if (entry.isEmpty()) {
        diagnostics.error(
            method,
            cached.mirror(),
            Message.BULK_MAP_TYPE,
            name,
            returned,
            keysName,
            keyType.map(this::simpleName).orElse("Long"));
      }
    }
    if (keyType.isPresent()) {
      TypeMirror k = keyType.get();
      if (entry.isPresent() && !types.isSameType(k, entry.get().get(0))) {
        diagnostics.error(
            keysParameter,
            Message.BULK_ELEMENT_MISMATCH,
            name,
            k,
            keysName,
            entry.get().get(0),
            simpleName(types.erasure(keysType)),
            simpleName(entry.get().get(0)),
            simpleName(k));
      } else if (!keyPartTypes.isLeaf(k) && keyPartTypes.leafRecordComponents(k).isEmpty()) {
        diagnostics.error(keysParameter, Message.BULK_ELEMENT_NOT_KEY, keysName, name, k);
      }
    }
    if (entry.isPresent()) {
      valueTypes.checkKnowable(method, cached.mirror(), returned, entry.get().get(1));
    }
    checkThrows(method, type, cached, null, "Bulk method", method);
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    TypeMirror k = keyType.orElseThrow();
    List<String> components = keyPartTypes.leafRecordComponents(k).orElse(List.of());
    KeyPart.Value element = new KeyPart.Value(keysName, true, List.of(), k, components, false);
    return Optional.of(
        new Bulk(
            new BulkKeys(keysName, kind.orElseThrow(), k),
            entry.orElseThrow().get(1),
            List.of(element)));
  }

  /** The shape of {@code method} (its {@code type} as a member of the interface) as a loader. */
  Loader loader(ExecutableElement method, ExecutableType type) {
    if (type.getParameterTypes().size() != 1) {
      return problem("it takes " + type.getParameterTypes().size() + " parameters, not one");
    }
    TypeMirror keysType = type.getParameterTypes().get(0);
    Optional<CollectionKind> kind = kind(keysType);
    Optional<TypeMirror> keyType = kind.isPresent() ? elementType(keysType) : Optional.empty();
    if (keyType.isEmpty()) {
      return problem("its parameter is " + keysType + ", not Collection<K>, List<K> or Set<K>");
    }
    Optional<List<TypeMirror>> entry = mapArguments(type.getReturnType());
    if (entry.isEmpty()) {
      return problem("it returns " + type.getReturnType() + ", not Map<K, V>");
    }
    if (!types.isSameType(keyType.get(), entry.get().get(0))) {
      return problem(
          "it takes keys of type "
              + keyType.get()
              + " but returns a map keyed by "
              + entry.get().get(0));
    }
    return new Loader(kind.get(), keyType.get(), entry.get().get(1), null);
  }

  /**
   * Reports each type {@code loader} (a bulk method, or the loader of batches) declares to throw
   * that is no {@link Exception}, on {@code method}'s {@code @Cached} at {@code position} (may be
   * {@code null}): bulk loads run in a loader that may throw only exceptions.
   */
  void checkThrows(
      ExecutableElement loader,
      ExecutableType type,
      AnnotationAttributes cached,
      AnnotationValue position,
      String what,
      ExecutableElement method) {
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    for (TypeMirror thrown : type.getThrownTypes()) {
      if (!types.isSubtype(thrown, exception)) {
        diagnostics.error(
            method,
            cached.mirror(),
            position,
            Message.BULK_LOADER_THROWS_THROWABLE,
            what,
            loader.getSimpleName(),
            thrown);
      }
    }
  }

  private static Loader problem(String problem) {
    return new Loader(null, null, null, problem);
  }

  /** Whether {@code type} is a {@code java.util.Collection}, of any kind and in any form. */
  boolean isCollection(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && types.isSubtype(types.erasure(type), erasureOf("java.util.Collection"));
  }

  private boolean isMap(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && types.isSubtype(types.erasure(type), erasureOf("java.util.Map"));
  }

  /** The kind of a {@code Collection}, {@code List} or {@code Set} parameter. */
  private static Optional<CollectionKind> kind(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return Optional.empty();
    }
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    return Optional.ofNullable(KINDS.get(name));
  }

  /** {@code K} of {@code Collection<K>}, when it is a declared type, neither raw nor a wildcard. */
  private static Optional<TypeMirror> elementType(TypeMirror type) {
    if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
      TypeMirror argument = declared.getTypeArguments().get(0);
      if (argument.getKind() == TypeKind.DECLARED || argument.getKind() == TypeKind.TYPEVAR) {
        return Optional.of(argument);
      }
    }
    return Optional.empty();
  }

  /** {@code [K, V]} of exactly {@code java.util.Map<K, V>}, without wildcards. */
  private static Optional<List<TypeMirror>> mapArguments(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)
        || !((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.Map")
        || declared.getTypeArguments().size() != 2) {
      return Optional.empty();
    }
    List<TypeMirror> arguments = List.copyOf(declared.getTypeArguments());
    boolean wild = arguments.stream().anyMatch(a -> a.getKind() == TypeKind.WILDCARD);
    return wild ? Optional.empty() : Optional.of(arguments);
  }

  /** The {@code T} of {@code CompletableFuture<T>} or {@code CompletionStage<T>}, if it is one. */
  private static Optional<TypeMirror> futureArgument(TypeMirror type) {
    if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
      String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      if (name.equals("java.util.concurrent.CompletableFuture")
          || name.equals("java.util.concurrent.CompletionStage")) {
        return Optional.of(declared.getTypeArguments().get(0));
      }
    }
    return Optional.empty();
  }

  private TypeMirror erasureOf(String qualifiedName) {
    return types.erasure(elements.getTypeElement(qualifiedName).asType());
  }

  private String simpleName(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      String arguments =
          declared.getTypeArguments().stream()
              .map(this::simpleName)
              .collect(Collectors.joining(", "));
      String name = declared.asElement().getSimpleName().toString();
      return arguments.isEmpty() ? name : name + "<" + arguments + ">";
    }
    return type.toString();
  }
}
