package dev.cachegen.processor.diagnostics;

import java.util.Locale;

/**
 * Every diagnostic cachegen reports, in one place. Each message starts with a stable tag such as
 * {@code [CachedVoidReturn]} that users can search for and tests can match, says what is wrong and
 * how to fix it. Arguments are {@link String#format} arguments.
 */
public enum Message {
  CACHED_NOT_IN_INTERFACE(
      "@%s method %s is declared in %s %s, but cachegen decorates interfaces: declare the"
          + " method in an interface and let %s implement that interface."),
  CACHED_STATIC_METHOD(
      "@%s method %s is static, and a decorator cannot override a static method. Remove"
          + " @%s or make the method abstract."),
  CACHED_PRIVATE_METHOD(
      "@%s method %s is private, and a decorator cannot override a private method. Remove"
          + " @%s or make the method abstract."),
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
          + " BigDecimal, java.time values (Instant, LocalDate, Duration, ...), records made of"
          + " those, or arrays (and varargs) of any of these. Name a field instead, such as key ="
          + " \"{%s.id}\"."),
  KEY_WITH_CACHE_KEY(
      "Method %s has both a key template and @CacheKey on parameter '%s'; they contradict each"
          + " other. Keep one: remove key, or remove @CacheKey."),
  CACHE_KEY_WITHOUT_CACHED(
      "@CacheKey on parameter '%s' of method %s has no effect, because the method is not"
          + " @Cached, @WriteThrough, @WriteBehind or @Invalidate, so it builds no key. Remove"
          + " @CacheKey or add @Cached to the method."),
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
          + " agree on the value type, on the types of the key parts, on unless, ttlFrom and"
          + " earlyRefresh, staleWhileRevalidate and staleIfError (the runtime builds a cache from"
          + " the first definition it is given). Give one of them another name."),
  EARLY_REFRESH_NEGATIVE(
      "earlyRefresh %s of method %s is negative. Use 0 to turn early refresh off, or a positive"
          + " beta such as 1.0."),
  EARLY_REFRESH_NOT_FINITE(
      "earlyRefresh %s of method %s is not a finite number, so no refresh time follows from it,"
          + " and the runtime rejects it. Use a positive beta such as 1.0, or 0 to turn early"
          + " refresh off."),
  STALE_WINDOW_NOT_POSITIVE(
      "%s \"%s\" of method %s is not positive, so no stale value could ever be served. Use a"
          + " positive window such as \"30s\", or remove %s to turn it off."),
  FRESHNESS_WITH_SLIDING(
      "%s of method %s cannot be combined with sliding = true: a sliding entry's expiry moves"
          + " with every read, so it has no fixed expiry to refresh before or to serve a stale"
          + " value after, and the runtime rejects the combination. Remove sliding to use a fixed"
          + " ttl, or remove %s."),
  BULK_FRESHNESS_NOT_SUPPORTED(
      "Bulk method %s has %s, but a bulk read never answers with an entry that is due: it reloads"
          + " entries picked for early refresh or past their expiry together with the missing"
          + " keys, in the caller's call, and a failure of that load reaches the caller, so %s"
          + " would be silently ignored. Remove it, or read these entries with a single-key"
          + " method in a cache of its own."),
  TAG_TEMPLATE_SYNTAX(
      "Tag template \"%s\" of method %s is malformed at position %d: %s. A tag template is text"
          + " with parameters in braces, such as \"owner:{owner.id}\"; braces cannot appear in"
          + " the text."),
  TAG_UNKNOWN_PARAMETER(
      "Tag template \"%s\" of method %s names '%s', which is not a parameter of the method.%s"),
  TAG_UNKNOWN_ACCESSOR(
      "Tag template \"%s\" of method %s reads '%s' of %s, which has no record component, no-arg"
          + " method or getter of that name. %s"),
  TAG_PART_TYPE_NOT_ALLOWED(
      "%s of method %s is a tag part of type %s, which has no stable text form for a tag. Tag"
          + " parts may be primitives and their boxes, String, enums, UUID, BigInteger,"
          + " BigDecimal, java.time values (Instant, LocalDate, Duration, ...) or records made of"
          + " those. Name a field instead, such as \"{%s.id}\"."),
  CONDITION_SYNTAX(
      "%s of method %s is malformed at position %d: %s. A condition tests paths in braces,"
          + " alone or compared with == or != to null, true, false, an integer, 'text' or an enum"
          + " constant, joined with &&, || and !, such as condition = \"{page} == 0\"."),
  CONDITION_UNKNOWN_PARAMETER("%s of method %s names '%s', which is not a parameter.%s"),
  CONDITION_UNKNOWN_ACCESSOR(
      "%s of method %s reads '%s' of %s, which has no record component, no-arg method or getter of"
          + " that name. %s"),
  CONDITION_NAMES_RESULT(
      "Condition \"%s\" of method %s names {%s}, but a condition is checked before the delegate"
          + " runs, when there is no result. To keep a result out of the cache, use unless ="
          + " \"%s\" instead."),
  UNLESS_NAMES_PARAMETER(
      "unless \"%s\" of method %s names the parameter '%s', but unless is checked on the loaded"
          + " value alone, in every load of the cache (bulk, batched and background ones too), and"
          + " may name only {result}. To skip the cache depending on the arguments, use condition"
          + " = \"%s\" instead."),
  CONDITION_NOT_BOOLEAN(
      "%s of method %s tests {%s} alone, but it is of type %s, not boolean. Compare it with a"
          + " literal, such as %s."),
  CONDITION_TYPE_MISMATCH("%s of method %s compares {%s} of type %s with %s, which %s."),
  TTL_FROM_SYNTAX(
      "%s of method %s is malformed at position %d: %s. ttlFrom is one path over the loaded value"
          + " in braces, such as ttlFrom = \"{result.expiresAt}\"."),
  TTL_FROM_NOT_RESULT(
      "%s of method %s names '%s', but ttlFrom is read from the loaded value, so its path starts"
          + " at {result}, such as ttlFrom = \"{result.expiresAt}\".%s"),
  TTL_FROM_UNKNOWN_ACCESSOR(
      "%s of method %s reads '%s' of %s, which has no record component, no-arg method or getter of"
          + " that name. %s"),
  TTL_FROM_TYPE(
      "%s of method %s reads {%s} of type %s, but a time to live comes from an Instant (when the"
          + " value expires), a Duration (how long it lives) or a long (when it expires, in"
          + " milliseconds since the epoch). Name an accessor of one of these types.%s"),
  TTL_FROM_WITH_SLIDING(
      "ttlFrom \"%s\" of method %s is combined with sliding = true, but a sliding entry's life"
          + " is extended by every read, so its own expiry would mean nothing. Remove sliding or"
          + " ttlFrom."),
  BULK_PARAMETER_COUNT(
      "Bulk method %s takes %s besides its keys '%s'. Each key of a bulk method is cached on its"
          + " own, so the key must be the element alone, and other parameters would be silently"
          + " left out of it. Remove %s, or declare a bulk method per value of it."),
  BULK_PARAMETER_TYPE(
      "Parameter '%s' of bulk method %s has type %s. The runtime hands the delegate the missing"
          + " keys as a collection it builds, so declare exactly Collection<K>, List<K> or Set<K>"
          + " with a concrete K, such as Collection<Long>."),
  BULK_ELEMENT_MISMATCH(
      "Bulk method %s takes keys of type %s in '%s' but returns a map keyed by %s. The returned"
          + " map is read with the keys that were asked for, so both must be the same type:"
          + " declare %s<%s>, or Map<%s, ...>."),
  BULK_ELEMENT_NOT_KEY(
      "The elements of parameter '%s' of bulk method %s are keys of type %s, which has no stable"
          + " text form for a cache key. Keys may be primitives' boxes, String, enums, UUID,"
          + " BigInteger, BigDecimal, java.time values (Instant, LocalDate, Duration, ...) or"
          + " records made of those. Pass the ids instead, such as Collection<Long>."),
  BULK_MAP_TYPE(
      "Bulk method %s returns %s. Its values are cached per key and read back as exactly the"
          + " declared types, so declare Map<K, V> with K the element type of '%s' and a concrete"
          + " V, without wildcards, such as Map<%s, Item>."),
  BULK_RETURNS_COLLECTION(
      "@Cached method %s takes a collection of keys ('%s') but returns %s, so the decorator cannot"
          + " tell which value belongs to which key, and a collection is no cache key. Return"
          + " Map<%s, V> so that results can be matched to keys and each key cached on its own, or"
          + " remove @Cached."),
  BULK_ASYNC_NOT_SUPPORTED(
      "Bulk method %s returns %s, but bulk methods are not supported asynchronously yet: the"
          + " runtime loads the missing keys with one blocking call. Return the Map itself, or"
          + " remove @Cached."),
  BULK_KEY_TEMPLATE(
      "Bulk method %s has key \"%s\", but the key of each entry of a bulk method is the element of"
          + " '%s' itself. Remove key; a single-key method sharing the cache must use the same key,"
          + " its one parameter, such as find(long id) with the default key."),
  BULK_TAGS_NOT_SUPPORTED(
      "Bulk method %s declares tags, but entries loaded in bulk cannot be tagged yet, and an"
          + " @InvalidateTags meant for them would miss them. Remove tags, or cache this method's"
          + " values in an untagged cache."),
  BULK_LOADER_THROWS_THROWABLE(
      "%s %s declares throws %s, but a bulk load runs in a loader that may throw only Exception."
          + " Declare Exception subclasses instead."),
  BATCH_WITH_UNKNOWN_METHOD("batchWith \"%s\" of method %s names no method of %s.%s"),
  BATCH_WITH_NOT_BULK(
      "batchWith \"%s\" of method %s names %s, which is no bulk method: %s. A batch is loaded by"
          + " a method that takes one Collection<K>, List<K> or Set<K> of keys and returns"
          + " Map<K, V>, such as Map<%s, %s> %s(Collection<%s> ids)."),
  BATCH_WITH_TYPE_MISMATCH(
      "batchWith \"%s\" of method %s names %s, which loads Map<%s, %s>, but %s is keyed by %s and"
          + " caches %s. The bulk method must take this method's key type and return its value"
          + " type: declare Map<%s, %s> %s(Collection<%s> ...)."),
  BATCH_WITH_KEY_COUNT(
      "batchWith of method %s needs a key of exactly one value, but its key %s has %d. A batch"
          + " passes the single key values of its misses to the bulk method; key the method by one"
          + " parameter or one record, or remove batchWith."),
  BATCH_WITH_UNSUPPORTED_RETURN(
      "batchWith of method %s cannot be used with its return type %s: %s. Return the value type"
          + " (or Optional of it), or remove batchWith."),
  BATCH_WITH_ON_BULK(
      "Bulk method %s has batchWith, but it already loads its missing keys with one call. Remove"
          + " batchWith, batchWindow and maxBatch."),
  BATCH_SETTING_WITHOUT_BATCH_WITH(
      "%s of method %s has no effect without batchWith, so it would be silently ignored. Name the"
          + " bulk method that loads batches with batchWith, or remove %s."),
  BATCH_WINDOW_NEGATIVE(
      "batchWindow \"%s\" of method %s is negative; a batch cannot close before it opens. Use"
          + " \"0ms\" to batch only concurrent misses, or a short window such as \"2ms\"."),
  BATCH_MAX_BATCH(
      "maxBatch %d of method %s is less than 1; a batch holds at least one key. Use 1 to load"
          + " every miss alone, or keep the default 100."),
  CACHED_WITH_WRITE(
      "Method %s has both @Cached and @%s. A method either reads a cache or changes one: move the"
          + " @%s to the method that performs the write."),
  WRITE_THROUGH_WITH_WRITE_BEHIND(
      "Method %s has both @WriteThrough and @WriteBehind, which contradict each other: the"
          + " delegate is called either now or later. Keep one."),
  WRITE_UNKNOWN_CACHE(
      "@%s of method %s names cache \"%s\", which no @Cached method of %s defines. A written or"
          + " invalidated cache takes its value type, key and ttl from the @Cached method that"
          + " reads it.%s"),
  WRITE_VOID_WITHOUT_VALUE(
      "@%s method %s returns %s, so there is no returned value to store in cache \"%s\". Name"
          + " the parameter to store with value, such as value = \"%s\"."),
  WRITE_UNKNOWN_VALUE("value \"%s\" of @%s method %s is not a parameter of the method.%s"),
  WRITE_VALUE_TYPE_MISMATCH(
      "Cache \"%s\" holds %s (read by %s), but @%s method %s stores %s of type %s, which is not"
          + " assignable to it. Store a value of the cache's type, or write to another cache."),
  WRITE_KEY_SHAPE_MISMATCH(
      "Cache \"%s\" is keyed by %s in %s, but %s's %s gives %s. Every method of a cache must"
          + " build its key from the same text and value types, in the same order, so that the"
          + " id written or evicted here is the key read there. Change the key template to match."),
  WRITE_TAGS_MISSING(
      "Cache \"%s\" tags its entries with %s in %s, but @%s method %s gives %s. A written entry"
          + " must carry the tags a loaded entry carries, or an @InvalidateTags meant for it"
          + " misses it: declare tags with the same templates, resolved from this method's"
          + " parameters. Constant tags (without braces) are inherited: declaring only the"
          + " templated ones, in order, is enough."),
  WRITE_TAG_SHAPE_MISMATCH(
      "Tag %d of cache \"%s\" is %s in %s, but @%s method %s's tag \"%s\" gives %s. A written"
          + " entry must carry the tags a loaded entry of the same key carries: use the same text"
          + " and value types."),
  WRITE_BEHIND_NOT_VOID(
      "@WriteBehind method %s returns %s, but it returns before the delegate runs, so it has no"
          + " answer to give. Return void, or use @WriteThrough to call the delegate now."),
  WRITE_BEHIND_PARAMETER_NOT_ENCODABLE(
      "Parameter '%s' of @WriteBehind method %s has type %s, and %s. The queued call is stored"
          + " with the codec as a record of the parameters and read back as exactly their declared"
          + " types. Declare a concrete type, such as a record."),
  WRITE_BEHIND_THROWS_THROWABLE(
      "@WriteBehind method %s declares throws %s, but queued calls are applied by a handler that"
          + " may throw only Exception. Declare Exception subclasses instead."),
  WRITE_BEHIND_MAX_ATTEMPTS(
      "maxAttempts %d of @WriteBehind method %s is less than 1; a queued call must be tried at"
          + " least once. Use 1 to turn retries off, or keep the default 5."),
  INVALIDATE_ALL_ENTRIES_WITH_KEY(
      "@Invalidate of cache \"%s\" on method %s has both allEntries = true and key \"%s\";"
          + " every entry is evicted, so the key means nothing. Remove key, or remove"
          + " allEntries."),
  INVALIDATE_TAGS_EMPTY(
      "@InvalidateTags of method %s names no tag, so it would do nothing. Add a template, such as"
          + " @InvalidateTags(\"owner:{owner.id}\"), or remove the annotation."),
  CACHE_CONTROL_NOT_ON_INTERFACE(
      "@CacheControl is on %s %s, but cachegen reads it on interfaces and their methods, whose"
          + " decorators carry the HTTP policies. Move it to the interface %s implements."),
  CACHE_CONTROL_VOID_RETURN(
      "@CacheControl method %s returns %s, so there is no response body for HTTP caches to keep."
          + " Remove @CacheControl, or return the value the endpoint serves."),
  CACHE_CONTROL_VALUE_TYPE(
      "Method %s gets an HTTP policy from @CacheControl on %s, but it returns %s, and %s. The"
          + " policy constant names the served type, and the handler encodes bodies as exactly that"
          + " type, so it must be known when the interface is compiled. Declare a concrete type,"
          + " such as Item instead of T."),
  CACHE_CONTROL_DURATION_MALFORMED(
      "%s \"%s\" of @CacheControl on %s is not a duration. Write a number and a unit (s, m, h, d),"
          + " such as \"30s\" or \"5m\", or ISO-8601 such as \"PT5M\"."),
  CACHE_CONTROL_DURATION_NEGATIVE(
      "%s \"%s\" of @CacheControl on %s is negative, but HTTP ages count up from zero. Use \"0s\""
          + " to have caches revalidate on every use, or a positive duration such as \"1m\"."),
  CACHE_CONTROL_DURATION_NOT_POSITIVE(
      "%s \"%s\" of @CacheControl on %s is not positive, so it would allow nothing. Use a positive"
          + " duration such as \"30s\", or remove %s."),
  CACHE_CONTROL_DURATION_SUB_SECOND(
      "%s \"%s\" of @CacheControl on %s is not a whole number of seconds, but HTTP counts %s in"
          + " seconds and a fraction would be cut off. Write whole seconds, such as \"%s\"."),
  CACHE_CONTROL_DURATION_TOO_LONG(
      "%s \"%s\" of @CacheControl on %s is longer than HTTP caches count: they treat anything"
          + " above 2147483648 seconds (about 68 years) as that. Use at most \"365d\", the"
          + " conventional \"forever\"."),
  CACHE_CONTROL_NO_STORE_CONFLICT(
      "@CacheControl on %s has noStore = true and %s, which contradict each other: no-store"
          + " forbids every cache to keep the response, so %s could never apply. Remove %s, or"
          + " remove noStore."),
  CACHE_CONTROL_S_MAX_AGE_PRIVATE(
      "sMaxAge \"%s\" of @CacheControl on %s tells shared caches how long to keep the response,"
          + " but %s, and shared caches must not store a private response. Say visibility ="
          + " Visibility.PUBLIC if the answer is the same whoever asks, or remove sMaxAge."),
  CACHE_CONTROL_MAX_AGE_FROM_TTL_WITHOUT_TTL_FROM(
      "maxAgeFromTtl = true of @CacheControl on %s sends the time a cached value has left to live,"
          + " but method %s %s.%s"),
  CACHE_CONTROL_MAX_AGE_FROM_TTL_WITH_MAX_AGE(
      "@CacheControl on %s has maxAgeFromTtl = true and maxAge = \"%s\", but a response carries"
          + " one max-age: the value's remaining time to live, or a fixed one. Remove maxAge to"
          + " count down with the value, or remove maxAgeFromTtl."),
  CACHE_CONTROL_IMMUTABLE_WITHOUT_MAX_AGE(
      "@CacheControl on %s has immutable = true but %s. immutable only spares clients"
          + " revalidating a response while it is fresh, so it needs a freshness lifetime: add"
          + " maxAge, such as maxAge = \"365d\" for a content-addressed resource, or"
          + " maxAgeFromTtl = true."),
  CACHE_CONTROL_VARY_INVALID(
      "vary \"%s\" of @CacheControl on %s is not a header field name: a name is a token of"
          + " letters, digits and !#$%%&'*+-.^_`|~ (RFC 9110 section 5.6.2).%s"),
  CACHE_CONTROL_LAST_MODIFIED_UNKNOWN(
      "lastModified \"%s\" of @CacheControl on %s names no accessor of %s, the value type of"
          + " method %s: it has no record component, no-arg method or getter of that name.%s"),
  CACHE_CONTROL_LAST_MODIFIED_NOT_TIME(
      "lastModified \"%s\" of @CacheControl on %s reads %s() of %s, the value type of method"
          + " %s, which returns %s, not a point in time. %s"),
  UNRESOLVED_TYPE(
      "Interface %s mentions types that could not be resolved after every round (%s), so no"
          + " decorator was written for it. Fix the compile errors above, or check that the"
          + " processor generating those types runs."),
  PROCESSOR_CRASH(
      "cachegen failed unexpectedly on %s, so no decorator was written for it. Please report"
          + " this with the stack trace: %s"),
  SERVICE_INDEX_FAILED(
      "cachegen could not write %s, so Decorators.decorate will not find this compilation's"
          + " decorators (constructing them directly still works): %s");

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
