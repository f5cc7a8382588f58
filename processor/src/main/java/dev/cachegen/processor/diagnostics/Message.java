package dev.cachegen.processor.diagnostics;

import java.util.Locale;

/**
 * Every diagnostic cachegen reports, in one place. Each message starts with a stable tag such as
 * {@code [CachedVoidReturn]} that users can search for and tests can match, says what is wrong and
 * how to fix it. Arguments are {@link String#format} arguments.
 */
public enum Message {
  CACHED_NOT_IN_INTERFACE(
      "@Cached method %s is declared in %s %s, but cachegen decorates interfaces: declare the"
          + " method in an interface and let %s implement that interface."),
  CACHED_STATIC_METHOD(
      "@Cached method %s is static, and a decorator cannot override a static method. Remove"
          + " @Cached or make the method abstract."),
  CACHED_PRIVATE_METHOD(
      "@Cached method %s is private, and a decorator cannot override a private method. Remove"
          + " @Cached or make the method abstract."),
  CACHED_SEALED_INTERFACE(
      "Interface %s is sealed, so the generated decorator cannot implement it. Remove the sealed"
          + " modifier or move the @Cached methods to an interface that is not sealed."),
  INTERFACE_NOT_ACCESSIBLE(
      "Interface %s is private, so the decorator generated next to it in package %s cannot"
          + " implement it. Make it package-private or public."),
  CACHED_VOID_RETURN(
      "@Cached method %s returns void, so there is nothing to cache. Remove @Cached or return the"
          + " value."),
  CACHED_VOID_FUTURE(
      "@Cached method %s returns %s, which completes without a value, so there is nothing to"
          + " cache. Remove @Cached or complete with the value."),
  CACHED_TYPE_VARIABLE(
      "@Cached method %s returns %s, which contains the type variable %s. The codec reads cached"
          + " bytes back as exactly the declared type, so that type must be known when the"
          + " interface is compiled. Declare a concrete type, such as Item instead of T."),
  CACHED_WILDCARD_TYPE(
      "@Cached method %s returns %s, which contains the wildcard %s. The codec reads cached bytes"
          + " back as exactly the declared type, so it needs a known type there. Declare a"
          + " concrete type argument, or '? extends' a concrete type."),
  CACHED_RAW_TYPE(
      "@Cached method %s returns the raw type %s. The codec reads cached bytes back as exactly"
          + " the declared type, so it needs the type arguments. Declare them, such as %s<Item>."),
  CACHED_OBJECT_TYPE(
      "@Cached method %s returns %s, which tells the codec nothing about what to read back: it"
          + " reads cached bytes as exactly the declared type. Declare the concrete type."),
  CACHED_ABSTRACT_TYPE(
      "@Cached method %s returns %s, and %s is %s. The codec reads cached bytes back as exactly"
          + " the declared type, so it cannot know which implementation to create. Declare a"
          + " concrete class or record, a java.util collection or map interface (List, Set, Map,"
          + " ...), or annotate %s with @JsonTypeInfo."),
  KEY_TEMPLATE_SYNTAX(
      "Key template \"%s\" of method %s is malformed at position %d: %s. A template is text with"
          + " parameters in braces, such as \"user:{user.id}\"; braces cannot appear in the"
          + " text."),
  KEY_UNKNOWN_PARAMETER(
      "Key template \"%s\" of method %s names '%s', which is not a parameter of the method.%s"),
  KEY_UNKNOWN_ACCESSOR(
      "Key template \"%s\" of method %s reads '%s' of %s, which has no record component, no-arg"
          + " method or getter of that name. %s"),
  KEY_PART_TYPE_NOT_ALLOWED(
      "%s of method %s is a key part of type %s, which has no stable text form for a cache key."
          + " Key parts may be primitives and their boxes, String, enums, UUID, BigInteger,"
          + " BigDecimal, java.time values (Instant, LocalDate, Duration, ...) or records made of"
          + " those. Name a field instead, such as key = \"{%s.id}\"."),
  KEY_WITH_CACHE_KEY(
      "Method %s has both a key template and @CacheKey on parameter '%s'; they contradict each"
          + " other. Keep one: remove key, or remove @CacheKey."),
  CACHE_KEY_WITHOUT_CACHED(
      "@CacheKey on parameter '%s' of method %s has no effect, because the method is not"
          + " @Cached. Remove @CacheKey or add @Cached to the method."),
  DURATION_MALFORMED(
      "%s \"%s\" of method %s is not a duration. Write a number and a unit (ms, s, m, h, d), such"
          + " as \"30s\" or \"5m\", or ISO-8601 such as \"PT5M\"."),
  DURATION_NOT_POSITIVE(
      "%s \"%s\" of method %s is not positive; an entry must live for some time. Use a positive"
          + " duration such as \"30s\", or remove @Cached to stop caching."),
  DURATION_TOO_LONG(
      "%s \"%s\" of method %s is too long: it does not fit in a long of nanoseconds (about 292"
          + " years). Use a shorter duration."),
  LOCAL_TTL_LONGER_THAN_TTL(
      "localTtl \"%s\" of method %s is longer than its ttl \"%s\"; the in-process tier must not"
          + " keep an entry longer than the shared tier does. Shorten localTtl or remove it."),
  CACHE_NAME_INVALID(
      "Cache name \"%s\" of method %s may contain only letters, digits, '.', '_' and '-'. Use a"
          + " name such as \"items.byOwner\"."),
  CACHE_NAME_CONFLICT(
      "Cache name \"%s\" of method %s is also used by %s, with %s. Methods that share a cache must"
          + " agree on the value type and on the types of the key parts. Give one of them another"
          + " name."),
  CACHED_TAGS_NOT_YET_SUPPORTED(
      "tags of method %s are not supported yet: tag invalidation is not implemented, so the tags"
          + " would be silently ignored. Remove tags for now."),
  EARLY_REFRESH_NEGATIVE(
      "earlyRefresh %s of method %s is negative. Use 0 to turn early refresh off, or a positive"
          + " beta such as 1.0."),
  EARLY_REFRESH_NOT_YET_SUPPORTED(
      "earlyRefresh of method %s is not supported yet: early refresh is not implemented, so the"
          + " setting would be silently ignored. Remove earlyRefresh for now."),
  UNRESOLVED_TYPE(
      "Interface %s mentions types that could not be resolved after every round (%s), so no"
          + " decorator was written for it. Fix the compile errors above, or check that the"
          + " processor generating those types runs."),
  PROCESSOR_CRASH(
      "cachegen failed unexpectedly on %s, so no decorator was written for it. Please report"
          + " this with the stack trace: %s");

  private final String tag;
  private final String template;

  Message(String template) {
    this.tag = tagOf(name());
    this.template = template;
  }

  /** The stable tag printed first, without brackets: {@code CachedVoidReturn}. */
  public String tag() {
    return tag;
  }

  /** The full text: {@code [Tag] } followed by the formatted template. */
  public String format(Object... args) {
    return "[" + tag + "] " + String.format(Locale.ROOT, template, args);
  }

  /** {@code CACHED_VOID_RETURN} becomes {@code CachedVoidReturn}. */
  private static String tagOf(String constant) {
    StringBuilder tag = new StringBuilder();
    for (String word : constant.split("_")) {
      tag.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return tag.toString();
  }
}
