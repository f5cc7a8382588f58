package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.CheckedCondition;
import dev.cachegen.processor.model.DecoratorModel;
import dev.cachegen.processor.model.DelegatingMethod;
import dev.cachegen.processor.model.Freshness;
import dev.cachegen.processor.model.HttpPolicy;
import dev.cachegen.processor.model.KeyPart;
import dev.cachegen.processor.model.MethodModel;
import dev.cachegen.processor.model.TtlFromPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates a type that holds cachegen annotations and, when it has no error, describes the
 * decorator to write. Reports every error it finds, on the most specific position, and keeps going,
 * so one compile shows every mistake of the type.
 */
public final class InterfaceValidator {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final InterfaceMethods interfaceMethods;
  private final CachedMethodValidator cachedMethods;
  private final WriteMethodValidator writeMethods;
  private final CacheControlValidator cacheControls;
  private final KeyShapes keyShapes;

  /** Validates with the utilities of {@code env}, reporting to {@code diagnostics}. */
  public InterfaceValidator(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.diagnostics = diagnostics;
    this.interfaceMethods = new InterfaceMethods(elements, types);
    Accessors accessors = new Accessors(elements, types);
    KeyResolver keys = new KeyResolver(diagnostics, accessors, new KeyPartTypes(types));
    ValueTypes valueTypes = new ValueTypes(types, elements, diagnostics);
    BulkMethods bulkMethods =
        new BulkMethods(diagnostics, elements, types, valueTypes, new KeyPartTypes(types));
    this.cachedMethods =
        new CachedMethodValidator(
            diagnostics,
            elements,
            valueTypes,
            keys,
            new ShapeFingerprint(types),
            bulkMethods,
            new BatchingValidator(diagnostics, types, bulkMethods),
            new ConditionResolver(diagnostics, types, keys),
            new TtlFromResolver(diagnostics, keys, accessors));
    this.keyShapes = new KeyShapes(types);
    this.writeMethods = new WriteMethodValidator(diagnostics, elements, types, valueTypes, keys);
    this.cacheControls =
        new CacheControlValidator(diagnostics, elements, types, valueTypes, accessors);
  }

  /** The decorator of {@code type}, or empty when {@code type} had errors or is no interface. */
  public Optional<DecoratorModel> validate(TypeElement type) {
    int errorsBefore = diagnostics.errorCount();
    checkCacheKeysHaveCached(type);
    if (type.getKind() != ElementKind.INTERFACE) {
      reportNotAnInterface(type);
      return Optional.empty();
    }
    checkInterface(type);
    checkOwnMethods(type);
    DeclaredType interfaceType = (DeclaredType) type.asType();
    List<ExecutableElement> all = interfaceMethods.of(type);
    Map<ExecutableElement, ExecutableType> members = new HashMap<>();
    for (ExecutableElement method : all) {
      members.put(method, (ExecutableType) types.asMemberOf(interfaceType, method));
    }
    // Reads first: writes and invalidations refer to the caches that reads define.
    Map<ExecutableElement, CachedMethod> reads = new HashMap<>();
    Map<String, CachedMethod> defined = new LinkedHashMap<>();
    Set<String> declared = new LinkedHashSet<>();
    BatchingValidator.Siblings siblings =
        new BatchingValidator.Siblings(type.getSimpleName().toString(), all, members);
    for (ExecutableElement method : all) {
      Optional<AnnotationMirror> cached = AnnotationMirrors.find(method, AnnotationMirrors.CACHED);
      if (cached.isEmpty()) {
        continue;
      }
      declared.add(
          CachedMethodValidator.cacheNameOf(
              method, new AnnotationAttributes(cached.get(), elements)));
      cachedMethods
          .validate(method, members.get(method), cached.get(), siblings)
          .ifPresent(
              read -> {
                reads.put(method, read);
                defined.putIfAbsent(read.cacheName(), read);
              });
    }
    WriteMethodValidator.Caches caches =
        new WriteMethodValidator.Caches(type.getSimpleName().toString(), defined, declared);
    List<MethodModel> methods = new ArrayList<>();
    for (ExecutableElement method : all) {
      boolean cached = AnnotationMirrors.has(method, AnnotationMirrors.CACHED);
      Optional<AnnotationMirror> write =
          AnnotationMirrors.findAny(method, AnnotationMirrors.WRITES);
      if (cached && write.isPresent()) {
        String annotation = AnnotationMirrors.displayName(write.get());
        diagnostics.error(
            method,
            write.get(),
            Message.CACHED_WITH_WRITE,
            method.getSimpleName(),
            annotation,
            annotation);
      } else if (cached) {
        if (reads.containsKey(method)) {
          methods.add(reads.get(method));
        }
      } else if (write.isPresent()) {
        writeMethods.validate(method, members.get(method), caches).ifPresent(methods::add);
      } else {
        methods.add(new DelegatingMethod(method, members.get(method)));
      }
    }
    checkSharedNames(methods);
    List<HttpPolicy> httpPolicies = cacheControls.validate(type, all, members, reads);
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new DecoratorModel(
            type,
            elements.getPackageOf(type).getQualifiedName().toString(),
            simpleNames(type),
            isPublic(type),
            methods,
            httpPolicies,
            generatedVisible(type)));
  }

  /** Whether {@code @Generated} resolves where the decorator goes; see {@link DecoratorModel}. */
  private boolean generatedVisible(TypeElement type) {
    ModuleElement module = elements.getModuleOf(type);
    TypeElement generated =
        module == null || module.isUnnamed()
            ? elements.getTypeElement(GENERATED)
            : elements.getTypeElement(module, GENERATED);
    return generated != null;
  }

  private void checkCacheKeysHaveCached(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (AnnotationMirrors.has(method, AnnotationMirrors.CACHED)
          || AnnotationMirrors.has(method, AnnotationMirrors.WRITE_THROUGH)
          || AnnotationMirrors.has(method, AnnotationMirrors.WRITE_BEHIND)
          || !AnnotationMirrors.invalidates(method).isEmpty()) {
        continue;
      }
      for (VariableElement parameter : method.getParameters()) {
        AnnotationMirrors.find(parameter, AnnotationMirrors.CACHE_KEY)
            .ifPresent(
                mirror ->
                    diagnostics.error(
                        parameter,
                        mirror,
                        Message.CACHE_KEY_WITHOUT_CACHED,
                        parameter.getSimpleName(),
                        method.getSimpleName()));
      }
    }
  }

  private void reportNotAnInterface(TypeElement type) {
    String kind =
        switch (type.getKind()) {
          case ENUM -> "enum";
          case RECORD -> "record";
          case ANNOTATION_TYPE -> "annotation type";
          default -> "class";
        };
    AnnotationMirrors.find(type, AnnotationMirrors.CACHE_CONTROL)
        .ifPresent(
            mirror ->
                diagnostics.error(
                    type,
                    mirror,
                    Message.CACHE_CONTROL_NOT_ON_INTERFACE,
                    kind,
                    type.getSimpleName(),
                    type.getSimpleName()));
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      AnnotationMirrors.findAny(method, AnnotationMirrors.ON_METHODS)
          .ifPresent(
              mirror ->
                  diagnostics.error(
                      method,
                      mirror,
                      Message.CACHED_NOT_IN_INTERFACE,
                      AnnotationMirrors.displayName(mirror),
                      method.getSimpleName(),
                      kind,
                      type.getSimpleName(),
                      type.getSimpleName()));
    }
  }

  private void checkInterface(TypeElement type) {
    if (type.getModifiers().contains(Modifier.SEALED)) {
      diagnostics.error(type, Message.CACHED_SEALED_INTERFACE, type.getQualifiedName());
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(
            type,
            Message.INTERFACE_NOT_ACCESSIBLE,
            type.getQualifiedName(),
            elements.getPackageOf(type).getQualifiedName());
        return;
      }
    }
  }

  /** Static and private methods are not overridden; cachegen annotations on them are mistakes. */
  private void checkOwnMethods(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Optional<AnnotationMirror> mirror =
          AnnotationMirrors.findAny(method, AnnotationMirrors.ON_METHODS);
      if (mirror.isEmpty()) {
        continue;
      }
      String annotation = AnnotationMirrors.displayName(mirror.get());
      if (method.getModifiers().contains(Modifier.STATIC)) {
        diagnostics.error(
            method,
            mirror.get(),
            Message.CACHED_STATIC_METHOD,
            annotation,
            method.getSimpleName(),
            annotation);
      } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(
            method,
            mirror.get(),
            Message.CACHED_PRIVATE_METHOD,
            annotation,
            method.getSimpleName(),
            annotation);
      }
    }
  }

  /** Methods sharing a cache name must store the same type under keys of the same types. */
  private void checkSharedNames(List<MethodModel> methods) {
    Map<String, CachedMethod> first = new HashMap<>();
    Map<String, CachedMethod> firstBulk = new HashMap<>();
    for (MethodModel model : methods) {
      if (!(model instanceof CachedMethod method)) {
        continue;
      }
      CachedMethod earlier = first.putIfAbsent(method.cacheName(), method);
      CachedMethod bulk =
          method.isBulk()
              ? firstBulk.putIfAbsent(method.cacheName(), method)
              : firstBulk.get(method.cacheName());
      if (earlier == null) {
        continue;
      }
      String difference = difference(earlier, method);
      if (difference == null && bulk != null && bulk != earlier) {
        // Methods that agree with the first may still disagree with a bulk method, which is
        // stricter: compare with it too.
        earlier = bulk;
        difference = difference(bulk, method);
      }
      if (difference != null) {
        AnnotationMirror mirror =
            AnnotationMirrors.find(method.element(), AnnotationMirrors.CACHED).orElseThrow();
        diagnostics.error(
            method.element(),
            mirror,
            new AnnotationAttributes(mirror, elements).written("name"),
            Message.CACHE_NAME_CONFLICT,
            method.cacheName(),
            method.element().getSimpleName(),
            earlier.element().getSimpleName(),
            difference);
      }
    }
  }

  private String difference(CachedMethod earlier, CachedMethod later) {
    if (!types.isSameType(earlier.valueType(), later.valueType())) {
      return String.format(
          Locale.ROOT,
          "values of %s where this method has %s",
          earlier.valueType(),
          later.valueType());
    }
    String earlierUnless = earlier.unless().map(CheckedCondition::text).orElse("");
    String laterUnless = later.unless().map(CheckedCondition::text).orElse("");
    if (!earlierUnless.equals(laterUnless)) {
      // The definition carries unless, and the runtime builds the cache from the first one.
      return describeUnless(earlierUnless)
          + " where this method has "
          + describeUnless(laterUnless);
    }
    String earlierTtlFrom = earlier.ttlFrom().map(TtlFromPath::text).orElse("");
    String laterTtlFrom = later.ttlFrom().map(TtlFromPath::text).orElse("");
    if (!earlierTtlFrom.equals(laterTtlFrom)) {
      return describeTtlFrom(earlierTtlFrom)
          + " where this method has "
          + describeTtlFrom(laterTtlFrom);
    }
    if (!earlier.freshness().equals(later.freshness())) {
      // The runtime creates the cache from whichever definition it gets first; a method whose
      // in-process hits do not check freshness would answer with entries past their expiry.
      return describe(earlier.freshness())
          + " where this method has "
          + describe(later.freshness());
    }
    if (earlier.isBulk() || later.isBulk()) {
      return bulkDifference(earlier, later);
    }
    List<KeyPart.Value> a = earlier.keyValues();
    List<KeyPart.Value> b = later.keyValues();
    boolean same = a.size() == b.size();
    for (int i = 0; same && i < a.size(); i++) {
      same = types.isSameType(types.erasure(a.get(i).type()), types.erasure(b.get(i).type()));
    }
    return same ? null : "key parts " + keyTypes(a) + " where this method has " + keyTypes(b);
  }

  /**
   * What keeps a bulk method and another method from sharing a cache: each element of a bulk method
   * is a key as it is, so the other must render the same key, literals included (boxes and
   * primitives agree), and carry no tags, which bulk loads cannot attach.
   */
  private String bulkDifference(CachedMethod earlier, CachedMethod later) {
    if (!keyShapes.same(earlier.keyParts(), later.keyParts())) {
      return "key "
          + keyShapes.describe(earlier.keyParts())
          + " where this method has "
          + keyShapes.describe(later.keyParts())
          + " (each element of a bulk method is its key as it is)";
    }
    if (earlier.tags().size() != later.tags().size()) {
      return earlier.tags().size()
          + " tags where this method has "
          + later.tags().size()
          + " (entries loaded in bulk carry no tags)";
    }
    return null;
  }

  private static String describeTtlFrom(String ttlFrom) {
    return ttlFrom.isEmpty() ? "no ttlFrom" : "ttlFrom = \"" + ttlFrom + "\"";
  }

  private static String describeUnless(String unless) {
    return unless.isEmpty() ? "no unless" : "unless = \"" + unless + "\"";
  }

  /** {@code earlyRefresh = 1.0, staleWhileRevalidate = "30s"}, as the settings are written. */
  private static String describe(Freshness freshness) {
    if (!freshness.isChecked()) {
      return "no earlyRefresh, staleWhileRevalidate or staleIfError";
    }
    List<String> settings = new ArrayList<>();
    if (freshness.earlyRefresh() > 0) {
      settings.add("earlyRefresh = " + freshness.earlyRefresh());
    }
    freshness
        .staleWhileRevalidate()
        .ifPresent(w -> settings.add("staleWhileRevalidate = \"" + w.text() + "\""));
    freshness.staleIfError().ifPresent(w -> settings.add("staleIfError = \"" + w.text() + "\""));
    return String.join(", ", settings);
  }

  private static String keyTypes(List<KeyPart.Value> values) {
    return values.stream().map(v -> v.type().toString()).toList().toString();
  }

  private static List<String> simpleNames(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      names.add(0, e.getSimpleName().toString());
    }
    return names;
  }

  private static boolean isPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      // Members of interfaces are implicitly public, and javac reports the modifier.
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }
}
