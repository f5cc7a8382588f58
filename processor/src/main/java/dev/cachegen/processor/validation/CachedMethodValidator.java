package dev.cachegen.processor.validation;

import dev.cachegen.annotations.StampedePolicy;
import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.Batching;
import dev.cachegen.processor.model.BulkKeys;
import dev.cachegen.processor.model.CacheTtl;
import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.CheckedCondition;
import dev.cachegen.processor.model.Freshness;
import dev.cachegen.processor.model.KeyPart;
import dev.cachegen.processor.model.ReturnKind;
import dev.cachegen.processor.model.TagTemplate;
import dev.cachegen.processor.model.TtlFromPath;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks one {@code @Cached} method and describes it: name, durations, flags, return type, key and
 * tags; for a bulk method ({@link BulkMethods}) its keys parameter and map instead; and its
 * batching ({@link BatchingValidator}). Every attribute is checked even after an earlier one
 * failed, so one compile shows every mistake.
 */
final class CachedMethodValidator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final long ONE_MINUTE = TimeUnit.MINUTES.toNanos(1);

  private final Diagnostics diagnostics;
  private final Elements elements;
  private final ValueTypes valueTypes;
  private final KeyResolver keys;
  private final ShapeFingerprint shapes;
  private final BulkMethods bulkMethods;
  private final BatchingValidator batchings;
  private final ConditionResolver conditions;
  private final TtlFromResolver ttlFroms;

  CachedMethodValidator(
      Diagnostics diagnostics,
      Elements elements,
      ValueTypes valueTypes,
      KeyResolver keys,
      ShapeFingerprint shapes,
      BulkMethods bulkMethods,
      BatchingValidator batchings,
      ConditionResolver conditions,
      TtlFromResolver ttlFroms) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.valueTypes = valueTypes;
    this.keys = keys;
    this.shapes = shapes;
    this.bulkMethods = bulkMethods;
    this.batchings = batchings;
    this.conditions = conditions;
    this.ttlFroms = ttlFroms;
  }

  /**
   * The model of {@code method}, or empty after reporting its errors. {@code siblings} are the
   * interface's methods, where {@code batchWith} looks.
   */
  Optional<CachedMethod> validate(
      ExecutableElement method,
      ExecutableType type,
      AnnotationMirror mirror,
      BatchingValidator.Siblings siblings) {
    int errorsBefore = diagnostics.errorCount();
    AnnotationAttributes cached = new AnnotationAttributes(mirror, elements);
    String name = cacheName(method, cached);
    Optional<CacheTtl> ttl = duration(method, cached, "ttl", cached.string("ttl"));
    Optional<CacheTtl> localTtl = localTtl(method, cached, ttl);
    Optional<ValueTypes.Unwrapped> value = Optional.empty();
    Optional<List<KeyPart>> keyParts = Optional.empty();
    Optional<List<TagTemplate>> tags = Optional.empty();
    Optional<BulkKeys> bulk = Optional.empty();
    BulkMethods.Form form = bulkMethods.classify(method, type, cached);
    switch (form) {
      case BULK -> {
        Optional<BulkMethods.Bulk> checked = bulkMethods.validate(method, type, cached);
        value = checked.map(b -> new ValueTypes.Unwrapped(ReturnKind.PLAIN, b.valueType()));
        keyParts = checked.map(BulkMethods.Bulk::keyParts);
        bulk = checked.map(BulkMethods.Bulk::keys);
        tags = Optional.of(List.of());
      }
      case COLLECTION_RETURN -> bulkMethods.reportCollectionReturn(method, type, cached);
      case SINGLE -> {
        value = valueTypes.unwrap(method, type.getReturnType(), mirror);
        keyParts = keys.resolve(method, type, cached);
        tags = keys.tags(method, KeyResolver.cachedScope(method, type), cached, "tags");
      }
    }
    Optional<Freshness> freshness = freshness(method, cached, form == BulkMethods.Form.BULK);
    Optional<Batching> batching =
        batchings.validate(
            method, cached, form == BulkMethods.Form.BULK, keyParts, value, siblings);
    Optional<CheckedCondition> condition = conditions.condition(method, type, cached);
    Optional<CheckedCondition> unless =
        value.flatMap(v -> conditions.unless(method, type, cached, v.valueType()));
    Optional<TtlFromPath> ttlFrom =
        value.flatMap(v -> ttlFroms.resolve(method, cached, v.valueType()));
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new CachedMethod(
            method,
            type,
            name,
            value.orElseThrow().valueType(),
            value.orElseThrow().kind(),
            keyParts.orElseThrow(),
            ttl.orElseThrow(),
            localTtl.orElseThrow(),
            cached.bool("sliding"),
            cached.bool("cacheNulls"),
            StampedePolicy.valueOf(cached.enumConstant("stampede")),
            freshness.orElseThrow(),
            shapes.of(value.orElseThrow().valueType()),
            tags.orElseThrow(),
            bulk,
            batching,
            condition,
            unless,
            ttlFrom));
  }

  /**
   * The cache name of a {@code @Cached} method, without checking it: the written name, else {@code
   * Interface.method}, with {@code _2}, {@code _3} for further overloads.
   */
  static String cacheNameOf(ExecutableElement method, AnnotationAttributes cached) {
    String name = cached.string("name");
    return name.isEmpty() ? defaultName(method, AnnotationMirrors.CACHED) : name;
  }

  /**
   * {@code Interface.method} for the first method of its name carrying {@code annotation} in its
   * interface, {@code Interface.method_2} for the next... The declaring interface is used, so an
   * inherited method keeps its name in every decorator.
   */
  static String defaultName(ExecutableElement method, String annotation) {
    String base = method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    int overload = overloadNumber(method, annotation);
    return overload == 1 ? base : base + "_" + overload;
  }

  private String cacheName(ExecutableElement method, AnnotationAttributes cached) {
    String name = cached.string("name");
    if (name.isEmpty()) {
      return cacheNameOf(method, cached);
    }
    if (!NAME.matcher(name).matches()) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written("name"),
          Message.CACHE_NAME_INVALID,
          name,
          method.getSimpleName());
    }
    return name;
  }

  /**
   * 1 for the first method of its name with {@code annotation} in its interface, 2 for the next.
   */
  private static int overloadNumber(ExecutableElement method, String annotation) {
    int number = 0;
    for (ExecutableElement sibling :
        ElementFilter.methodsIn(method.getEnclosingElement().getEnclosedElements())) {
      if (sibling.getSimpleName().equals(method.getSimpleName())
          && AnnotationMirrors.has(sibling, annotation)) {
        number++;
      }
      if (sibling.equals(method)) {
        break;
      }
    }
    return number;
  }

  private Optional<CacheTtl> duration(
      ExecutableElement method, AnnotationAttributes cached, String attribute, String text) {
    DurationParser.Result parsed = DurationParser.parse(text);
    if (parsed.isValid()) {
      return Optional.of(new CacheTtl(parsed.nanos(), DurationParser.format(parsed.nanos())));
    }
    Message message =
        switch (parsed.problem()) {
          case MALFORMED -> Message.DURATION_MALFORMED;
          case NOT_POSITIVE -> Message.DURATION_NOT_POSITIVE;
          case TOO_LONG -> Message.DURATION_TOO_LONG;
        };
    diagnostics.error(
        method,
        cached.mirror(),
        cached.written(attribute),
        message,
        attribute,
        text,
        method.getSimpleName());
    return Optional.empty();
  }

  private Optional<CacheTtl> localTtl(
      ExecutableElement method, AnnotationAttributes cached, Optional<CacheTtl> ttl) {
    String text = cached.string("localTtl");
    if (text.isEmpty()) {
      // The annotation's documented default: the smaller of ttl and one minute.
      return ttl.map(
          t ->
              t.nanos() <= ONE_MINUTE
                  ? t
                  : new CacheTtl(ONE_MINUTE, DurationParser.format(ONE_MINUTE)));
    }
    Optional<CacheTtl> local = duration(method, cached, "localTtl", text);
    if (local.isPresent() && ttl.isPresent() && local.get().nanos() > ttl.get().nanos()) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written("localTtl"),
          Message.LOCAL_TTL_LONGER_THAN_TTL,
          text,
          method.getSimpleName(),
          cached.string("ttl"));
      return Optional.empty();
    }
    return local;
  }

  /**
   * Early refresh and the stale windows, each checked on its own: a valid value, and a method whose
   * entries have a fixed expiry that the runtime serves single-key reads around. Mirrors what
   * {@code CacheDefinition.Builder.build()} rejects, so no definition fails at run time.
   */
  private Optional<Freshness> freshness(
      ExecutableElement method, AnnotationAttributes cached, boolean bulk) {
    int errorsBefore = diagnostics.errorCount();
    double earlyRefresh = cached.number("earlyRefresh");
    if (Double.isNaN(earlyRefresh) || Double.isInfinite(earlyRefresh)) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written("earlyRefresh"),
          Message.EARLY_REFRESH_NOT_FINITE,
          earlyRefresh,
          method.getSimpleName());
    } else if (earlyRefresh < 0) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written("earlyRefresh"),
          Message.EARLY_REFRESH_NEGATIVE,
          earlyRefresh,
          method.getSimpleName());
    } else if (earlyRefresh > 0) {
      checkFixedExpiry(method, cached, bulk, "earlyRefresh", "earlyRefresh = " + earlyRefresh);
    }
    Optional<CacheTtl> staleWhileRevalidate =
        staleWindow(method, cached, bulk, "staleWhileRevalidate");
    Optional<CacheTtl> staleIfError = staleWindow(method, cached, bulk, "staleIfError");
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    // -0.0 is off too, and must compare equal to 0 when methods share a cache.
    double beta = earlyRefresh > 0 ? earlyRefresh : 0;
    return Optional.of(new Freshness(beta, staleWhileRevalidate, staleIfError));
  }

  /** A stale window: empty when not set, and empty after reporting its error. */
  private Optional<CacheTtl> staleWindow(
      ExecutableElement method, AnnotationAttributes cached, boolean bulk, String attribute) {
    String text = cached.string(attribute);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (DurationParser.parse(text).problem() == DurationParser.Problem.NOT_POSITIVE) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written(attribute),
          Message.STALE_WINDOW_NOT_POSITIVE,
          attribute,
          text,
          method.getSimpleName(),
          attribute);
      return Optional.empty();
    }
    Optional<CacheTtl> window = duration(method, cached, attribute, text);
    if (window.isPresent()
        && !checkFixedExpiry(method, cached, bulk, attribute, attribute + " = \"" + text + "\"")) {
      return Optional.empty();
    }
    return window;
  }

  /**
   * Whether the method may have {@code attribute}, written as {@code setting}: not on a bulk
   * method, whose reads reload due entries themselves, and not with sliding expiry.
   */
  private boolean checkFixedExpiry(
      ExecutableElement method,
      AnnotationAttributes cached,
      boolean bulk,
      String attribute,
      String setting) {
    if (bulk) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written(attribute),
          Message.BULK_FRESHNESS_NOT_SUPPORTED,
          method.getSimpleName(),
          setting,
          attribute);
      return false;
    }
    if (cached.bool("sliding")) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written(attribute),
          Message.FRESHNESS_WITH_SLIDING,
          setting,
          method.getSimpleName(),
          attribute);
      return false;
    }
    return true;
  }
}
