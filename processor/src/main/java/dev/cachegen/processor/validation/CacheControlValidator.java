package dev.cachegen.processor.validation;

import dev.cachegen.annotations.ETag;
import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.HttpPolicy;
import dev.cachegen.processor.model.LastModified;
import dev.cachegen.processor.model.MaxAgeFromTtl;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the {@code @CacheControl} annotations of an interface and describes the HTTP policy of
 * every method that has one in effect.
 *
 * <p>A method's effective annotation is its own, else that of the interface declaring it, else that
 * of the decorated interface; an annotation on a method replaces the interface's as a whole. An
 * interface's annotation covers the methods that read: a method that returns nothing ({@code void},
 * a {@code Void} future) or that writes or invalidates a cache gets a policy only from an
 * annotation of its own, and {@code void} is an error there.
 *
 * <p>Each annotation's own attributes are checked once, where it is written; {@code lastModified},
 * which depends on the served type, is checked for every method the annotation covers.
 */
final class CacheControlValidator {
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  /** RFC 9111 section 1.2.2: caches take any larger delta-seconds as 2^31. */
  private static final BigInteger MAX_DELTA_SECONDS = BigInteger.valueOf(2_147_483_648L);

  private static final String VISIBILITY = "visibility";
  private static final String MAX_AGE = "maxAge";
  private static final String S_MAX_AGE = "sMaxAge";
  private static final String STALE_WHILE_REVALIDATE = "staleWhileRevalidate";
  private static final String STALE_IF_ERROR = "staleIfError";
  private static final String NO_STORE = "noStore";
  private static final String NO_CACHE = "noCache";
  private static final String MUST_REVALIDATE = "mustRevalidate";
  private static final String IMMUTABLE = "immutable";
  private static final String ETAG = "etag";
  private static final String LAST_MODIFIED = "lastModified";
  private static final String VARY = "vary";
  private static final String MAX_AGE_FROM_TTL = "maxAgeFromTtl";

  /**
   * One {@code @CacheControl} where it is written.
   *
   * @param element the method or interface carrying it, where its errors go
   * @param attributes its attributes
   * @param where how messages name the carrier: {@code method find}, {@code interface Catalog}
   */
  private record Source(Element element, AnnotationAttributes attributes, String where) {
    AnnotationMirror mirror() {
      return attributes.mirror();
    }
  }

  /** What an annotation says regardless of the served type, checked. */
  private record Headers(
      String cacheControl, ETag etag, List<String> vary, boolean maxAgeFromTtl) {}

  private final Diagnostics diagnostics;
  private final Elements elements;
  private final Types types;
  private final ValueTypes valueTypes;
  private final Accessors accessors;

  CacheControlValidator(
      Diagnostics diagnostics,
      Elements elements,
      Types types,
      ValueTypes valueTypes,
      Accessors accessors) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.types = types;
    this.valueTypes = valueTypes;
    this.accessors = accessors;
  }

  /**
   * The policies of {@code methods}, the overridable methods of {@code type} with their types as
   * members of it, in order; reports every error. {@code reads} holds the checked {@code @Cached}
   * methods, whose {@code ttlFrom} a {@code maxAgeFromTtl} reads.
   */
  List<HttpPolicy> validate(
      TypeElement type,
      List<ExecutableElement> methods,
      Map<ExecutableElement, ExecutableType> members,
      Map<ExecutableElement, CachedMethod> reads) {
    Map<Element, Optional<Headers>> checked = new HashMap<>();
    // The interface's own annotation is checked even when it covers no method.
    interfaceSource(type).ifPresent(source -> headers(source, checked));
    List<HttpPolicy> policies = new ArrayList<>();
    for (ExecutableElement method : methods) {
      policy(type, method, members.get(method), reads.get(method), checked)
          .ifPresent(policies::add);
    }
    return policies;
  }

  private Optional<HttpPolicy> policy(
      TypeElement type,
      ExecutableElement method,
      ExecutableType member,
      CachedMethod read,
      Map<Element, Optional<Headers>> checked) {
    Optional<AnnotationMirror> own =
        AnnotationMirrors.find(method, AnnotationMirrors.CACHE_CONTROL);
    Optional<Source> source;
    if (own.isPresent()) {
      source =
          Optional.of(
              new Source(method, attributes(own.get()), "method " + method.getSimpleName()));
    } else if (AnnotationMirrors.findAny(method, AnnotationMirrors.WRITES).isPresent()) {
      return Optional.empty();
    } else {
      source =
          interfaceSource((TypeElement) method.getEnclosingElement())
              .or(() -> interfaceSource(type));
    }
    if (source.isEmpty()) {
      return Optional.empty();
    }
    int errorsBefore = diagnostics.errorCount();
    Optional<Headers> headers = headers(source.get(), checked);
    Optional<TypeMirror> value = valueTypes.writtenResult(member.getReturnType());
    // A @Cached method reports a bad return type itself, in @Cached's words.
    boolean cached = AnnotationMirrors.has(method, AnnotationMirrors.CACHED);
    if (value.isEmpty()) {
      if (own.isPresent() && !cached) {
        diagnostics.error(
            method,
            own.get(),
            Message.CACHE_CONTROL_VOID_RETURN,
            method.getSimpleName(),
            member.getReturnType());
      }
      return Optional.empty();
    }
    Optional<ValueTypes.Problem> problem = valueTypes.firstProblem(value.get());
    if (problem.isPresent()) {
      if (!cached) {
        diagnostics.error(
            method,
            own.orElse(null),
            Message.CACHE_CONTROL_VALUE_TYPE,
            method.getSimpleName(),
            source.get().where(),
            member.getReturnType(),
            problem.get().clause());
      }
      return Optional.empty();
    }
    Optional<LastModified> lastModified = lastModified(method, source.get(), value.get());
    Optional<MaxAgeFromTtl> maxAgeFromTtl =
        headers.isPresent() && headers.get().maxAgeFromTtl()
            ? maxAgeFromTtl(method, source.get(), read)
            : Optional.empty();
    if (headers.isEmpty() || diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new HttpPolicy(
            method,
            value.get(),
            headers.get().cacheControl(),
            headers.get().etag(),
            headers.get().vary(),
            lastModified,
            maxAgeFromTtl));
  }

  /**
   * The {@code ttlFrom} that {@code maxAgeFromTtl} counts down, from the checked {@code @Cached}
   * method {@code read}; empty after reporting why the method has none, or silently when its
   * {@code @Cached} is in error (reported there).
   */
  private Optional<MaxAgeFromTtl> maxAgeFromTtl(
      ExecutableElement method, Source source, CachedMethod read) {
    Optional<AnnotationMirror> cached = AnnotationMirrors.find(method, AnnotationMirrors.CACHED);
    String why;
    String hint;
    if (cached.isEmpty()) {
      why = "is not @Cached";
      hint =
          " Cache it with a ttlFrom that says when each value expires, such as @Cached(ttl ="
              + " \"1h\", ttlFrom = \"{result.expiresAt}\"), or set a fixed maxAge instead.";
    } else if (attributes(cached.get()).string("ttlFrom").isEmpty()) {
      why = "has no ttlFrom in its @Cached, so all its values share the cache's ttl";
      hint =
          " Add a ttlFrom that says when each value expires, such as ttlFrom ="
              + " \"{result.expiresAt}\", or set a fixed maxAge instead.";
    } else if (read == null) {
      return Optional.empty();
    } else if (read.isBulk()) {
      why = "is a bulk method, whose answer holds many entries, each with its own time to live";
      hint = " Set a fixed maxAge instead.";
    } else {
      return Optional.of(new MaxAgeFromTtl(read.ttlFrom().orElseThrow(), read.ttl()));
    }
    diagnostics.error(
        source.element(),
        source.mirror(),
        source.attributes().written(MAX_AGE_FROM_TTL),
        Message.CACHE_CONTROL_MAX_AGE_FROM_TTL_WITHOUT_TTL_FROM,
        source.where(),
        method.getSimpleName(),
        why,
        hint);
    return Optional.empty();
  }

  private Optional<Source> interfaceSource(TypeElement type) {
    return AnnotationMirrors.find(type, AnnotationMirrors.CACHE_CONTROL)
        .map(mirror -> new Source(type, attributes(mirror), "interface " + type.getSimpleName()));
  }

  /** The headers of {@code source}, checked on first use only, so errors are reported once. */
  private Optional<Headers> headers(Source source, Map<Element, Optional<Headers>> checked) {
    Optional<Headers> known = checked.get(source.element());
    if (known == null) {
      known = check(source);
      checked.put(source.element(), known);
    }
    return known;
  }

  // ---- the annotation's own attributes ------------------------------------------------------

  private Optional<Headers> check(Source source) {
    int errorsBefore = diagnostics.errorCount();
    AnnotationAttributes annotation = source.attributes();
    OptionalLong maxAge = seconds(source, MAX_AGE, true);
    OptionalLong sMaxAge = seconds(source, S_MAX_AGE, true);
    OptionalLong staleWhileRevalidate = seconds(source, STALE_WHILE_REVALIDATE, false);
    OptionalLong staleIfError = seconds(source, STALE_IF_ERROR, false);
    boolean noStore = annotation.bool(NO_STORE);
    boolean isPublic = annotation.enumConstant(VISIBILITY).equals("PUBLIC");
    if (noStore) {
      checkNoStoreAlone(source);
    } else {
      if (!annotation.string(S_MAX_AGE).isEmpty() && !isPublic) {
        diagnostics.error(
            source.element(),
            source.mirror(),
            annotation.written(S_MAX_AGE),
            Message.CACHE_CONTROL_S_MAX_AGE_PRIVATE,
            annotation.string(S_MAX_AGE),
            source.where(),
            annotation.written(VISIBILITY) == null
                ? "visibility is PRIVATE by default (it is not set here)"
                : "visibility is set to PRIVATE");
      }
      if (annotation.bool(MAX_AGE_FROM_TTL) && !annotation.string(MAX_AGE).isEmpty()) {
        diagnostics.error(
            source.element(),
            source.mirror(),
            annotation.written(MAX_AGE_FROM_TTL),
            Message.CACHE_CONTROL_MAX_AGE_FROM_TTL_WITH_MAX_AGE,
            source.where(),
            annotation.string(MAX_AGE));
      }
      if (annotation.bool(IMMUTABLE) && !annotation.bool(MAX_AGE_FROM_TTL)) {
        String why = null;
        if (annotation.string(MAX_AGE).isEmpty()) {
          why = "no maxAge";
        } else if (maxAge.isPresent() && maxAge.getAsLong() == 0) {
          why = "maxAge \"" + annotation.string(MAX_AGE) + "\", which makes it stale at once";
        }
        if (why != null) {
          diagnostics.error(
              source.element(),
              source.mirror(),
              annotation.written(IMMUTABLE),
              Message.CACHE_CONTROL_IMMUTABLE_WITHOUT_MAX_AGE,
              source.where(),
              why);
        }
      }
    }
    List<String> vary = vary(source);
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    CacheControlDirectives directives =
        new CacheControlDirectives(
            noStore,
            isPublic,
            annotation.bool(NO_CACHE),
            maxAge,
            sMaxAge,
            annotation.bool(MUST_REVALIDATE),
            staleWhileRevalidate,
            staleIfError,
            annotation.bool(IMMUTABLE));
    return Optional.of(
        new Headers(
            directives.render(),
            ETag.valueOf(annotation.enumConstant(ETAG)),
            vary,
            annotation.bool(MAX_AGE_FROM_TTL)));
  }

  /**
   * With {@code noStore}, every other directive is an error rather than silently dropped: each
   * either lets caches keep the response or governs a kept one. {@code visibility = PRIVATE} is
   * allowed, being only stricter than the default it spells out.
   */
  private void checkNoStoreAlone(Source source) {
    AnnotationAttributes annotation = source.attributes();
    for (String attribute : List.of(MAX_AGE, S_MAX_AGE, STALE_WHILE_REVALIDATE, STALE_IF_ERROR)) {
      String text = annotation.string(attribute);
      if (!text.isEmpty()) {
        noStoreConflict(source, attribute, attribute + " = \"" + text + "\"");
      }
    }
    for (String attribute : List.of(NO_CACHE, MUST_REVALIDATE, IMMUTABLE, MAX_AGE_FROM_TTL)) {
      if (annotation.bool(attribute)) {
        noStoreConflict(source, attribute, attribute + " = true");
      }
    }
    if (annotation.enumConstant(VISIBILITY).equals("PUBLIC")) {
      noStoreConflict(source, VISIBILITY, "visibility = Visibility.PUBLIC");
    }
  }

  private void noStoreConflict(Source source, String attribute, String written) {
    diagnostics.error(
        source.element(),
        source.mirror(),
        source.attributes().written(attribute),
        Message.CACHE_CONTROL_NO_STORE_CONFLICT,
        source.where(),
        written,
        attribute,
        attribute);
  }

  /**
   * The duration {@code attribute} in whole seconds, or empty when it is not set ({@code ""}) or
   * after reporting why it is not a delta-seconds value.
   */
  private OptionalLong seconds(Source source, String attribute, boolean zeroAllowed) {
    String text = source.attributes().string(attribute);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    Optional<BigInteger> nanos = DurationParser.exactNanos(text);
    if (nanos.isEmpty()) {
      durationError(source, attribute, Message.CACHE_CONTROL_DURATION_MALFORMED);
      return OptionalLong.empty();
    }
    BigInteger[] seconds = nanos.get().divideAndRemainder(NANOS_PER_SECOND);
    if (nanos.get().signum() < 0 && zeroAllowed) {
      durationError(source, attribute, Message.CACHE_CONTROL_DURATION_NEGATIVE);
    } else if (nanos.get().signum() < 0 || (nanos.get().signum() == 0 && !zeroAllowed)) {
      durationError(source, attribute, Message.CACHE_CONTROL_DURATION_NOT_POSITIVE, attribute);
    } else if (seconds[1].signum() != 0) {
      durationError(
          source,
          attribute,
          Message.CACHE_CONTROL_DURATION_SUB_SECOND,
          directive(attribute),
          seconds[0].add(BigInteger.ONE) + "s");
    } else if (seconds[0].compareTo(MAX_DELTA_SECONDS) > 0) {
      durationError(source, attribute, Message.CACHE_CONTROL_DURATION_TOO_LONG);
    } else {
      return OptionalLong.of(seconds[0].longValueExact());
    }
    return OptionalLong.empty();
  }

  private void durationError(Source source, String attribute, Message message, Object... more) {
    Object[] args = new Object[3 + more.length];
    args[0] = attribute;
    args[1] = source.attributes().string(attribute);
    args[2] = source.where();
    System.arraycopy(more, 0, args, 3, more.length);
    diagnostics.error(
        source.element(), source.mirror(), source.attributes().written(attribute), message, args);
  }

  private static String directive(String attribute) {
    return switch (attribute) {
      case MAX_AGE -> "max-age";
      case S_MAX_AGE -> "s-maxage";
      case STALE_WHILE_REVALIDATE -> "stale-while-revalidate";
      default -> "stale-if-error";
    };
  }

  /** The {@code Vary} names, each a token (RFC 9110 section 5.6.2) or {@code *}. */
  private List<String> vary(Source source) {
    List<String> names = source.attributes().strings(VARY);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.equals("*") || isToken(name)) {
        continue;
      }
      String hint;
      if (name.contains(",")) {
        hint =
            " Give one name per entry, such as vary = {\"Accept-Encoding\", \"Accept-Language\"}.";
      } else if (name.isBlank()) {
        hint = " Remove the empty entry.";
      } else if (isToken(name.strip())) {
        hint = " Remove the spaces: \"" + name.strip() + "\".";
      } else {
        hint = " Use a name such as \"Accept-Encoding\".";
      }
      diagnostics.error(
          source.element(),
          source.mirror(),
          source.attributes().writtenElement(VARY, i),
          Message.CACHE_CONTROL_VARY_INVALID,
          name,
          source.where(),
          hint);
    }
    return names;
  }

  private static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean tchar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }

  // ---- lastModified, per served type --------------------------------------------------------

  /** The accessor named by {@code lastModified}, or empty when none is named or after an error. */
  private Optional<LastModified> lastModified(
      ExecutableElement method, Source source, TypeMirror value) {
    String name = source.attributes().string(LAST_MODIFIED);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<Accessors.Resolved> resolved = accessors.resolve(value, name);
    if (resolved.isEmpty()) {
      diagnostics.error(
          source.element(),
          source.mirror(),
          source.attributes().written(LAST_MODIFIED),
          Message.CACHE_CONTROL_LAST_MODIFIED_UNKNOWN,
          name,
          source.where(),
          value,
          method.getSimpleName(),
          unknownHint(name, value));
      return Optional.empty();
    }
    TypeMirror returned = resolved.get().returnType();
    Optional<LastModified.Conversion> conversion = conversion(returned);
    if (conversion.isEmpty()) {
      diagnostics.error(
          source.element(),
          source.mirror(),
          source.attributes().written(LAST_MODIFIED),
          Message.CACHE_CONTROL_LAST_MODIFIED_NOT_TIME,
          name,
          source.where(),
          resolved.get().method(),
          value,
          method.getSimpleName(),
          returned,
          notTimeHint(returned, resolved.get().method()));
      return Optional.empty();
    }
    return Optional.of(new LastModified(resolved.get().method(), returned, conversion.get()));
  }

  /**
   * How a point in time of type {@code type} becomes an {@code Instant}; empty for anything that is
   * not one, including {@code LocalDateTime} and {@code LocalDate} (no zone) and numbers (no unit).
   */
  private Optional<LastModified.Conversion> conversion(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return Optional.empty();
    }
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    switch (name) {
      case "java.time.Instant":
        return Optional.of(LastModified.Conversion.NONE);
      case "java.time.OffsetDateTime", "java.time.ZonedDateTime":
        return Optional.of(LastModified.Conversion.TO_INSTANT);
      default:
        TypeElement date = elements.getTypeElement("java.util.Date");
        return date != null && types.isAssignable(type, date.asType())
            ? Optional.of(LastModified.Conversion.EPOCH_MILLIS)
            : Optional.empty();
    }
  }

  private String unknownHint(String name, TypeMirror value) {
    List<String> times = new ArrayList<>();
    accessors
        .typesOn(value)
        .forEach(
            (candidate, type) -> {
              if (conversion(type).isPresent()) {
                times.add(candidate);
              }
            });
    if (times.isEmpty()) {
      return " It has no accessor that returns Instant, OffsetDateTime, ZonedDateTime or"
          + " java.util.Date: add one, or remove lastModified to send the time the value was"
          + " stored.";
    }
    return EditDistance.closest(name, times).map(c -> " Did you mean \"" + c + "\"?").orElse("")
        + " Accessors that return a point in time: "
        + String.join(", ", times)
        + ".";
  }

  private static String notTimeHint(TypeMirror returned, String accessor) {
    String name = returned.getKind() == TypeKind.DECLARED ? returned.toString() : "";
    if (name.equals("java.time.LocalDateTime")) {
      return "A LocalDateTime has no zone, so it names no instant. Return Instant, OffsetDateTime"
          + " or ZonedDateTime, or add an accessor that says the zone, such as Instant"
          + " modifiedAt() { return "
          + accessor
          + "().toInstant(ZoneOffset.UTC); }.";
    }
    if (name.equals("java.time.LocalDate")) {
      return "A LocalDate has no time of day and no zone, so it names no instant. Return Instant,"
          + " OffsetDateTime or ZonedDateTime, or add an accessor that says them, such as Instant"
          + " modifiedAt() { return "
          + accessor
          + "().atStartOfDay(ZoneOffset.UTC).toInstant(); }.";
    }
    boolean number =
        returned.getKind().isPrimitive()
            || name.equals("java.lang.Long")
            || name.equals("java.lang.Integer");
    if (number) {
      return "A number does not say what it counts from or in which unit. Add an accessor"
          + " that returns Instant, such as Instant modifiedAt() { return Instant.ofEpochMilli("
          + accessor
          + "()); }.";
    }
    return "Name an accessor that returns java.time.Instant, OffsetDateTime, ZonedDateTime or"
        + " java.util.Date.";
  }

  private AnnotationAttributes attributes(AnnotationMirror mirror) {
    return new AnnotationAttributes(mirror, elements);
  }
}
