package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per diagnostic: each input in {@code src/test/resources/bad/bad} has exactly one
 * mistake, on the line marked {@code // ERROR}. The compilation must fail with exactly one error,
 * with its tag and text, on that line of that file, and write no decorator.
 */
class DiagnosticsTest {

  @ParameterizedTest(name = "{0}: [{1}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          NotInterfaceClass        | CachedNotInInterface        | @Cached method find is declared in class NotInterfaceClass, but cachegen decorates interfaces: declare the method in an interface
          NotInterfaceEnum         | CachedNotInInterface        | is declared in enum NotInterfaceEnum
          NotInterfaceRecord       | CachedNotInInterface        | is declared in record NotInterfaceRecord
          NotInterfaceAnnotation   | CachedNotInInterface        | is declared in annotation type NotInterfaceAnnotation
          StaticMethod             | CachedStaticMethod          | @Cached method find is static
          PrivateMethod            | CachedPrivateMethod         | @Cached method find is private
          SealedInterface          | CachedSealedInterface       | Interface bad.SealedInterface is sealed
          PrivateNested            | InterfaceNotAccessible      | Interface bad.PrivateNested.Hidden is private
          VoidReturn               | CachedVoidReturn            | @Cached method save returns void, so there is nothing to cache. Remove @Cached or return the value.
          VoidFuture               | CachedVoidFuture            | returns java.util.concurrent.CompletableFuture<java.lang.Void>, which completes without a value
          VoidStage                | CachedVoidFuture            | returns java.util.concurrent.CompletionStage<java.lang.Void>
          MonoVoid                 | CachedVoidFuture            | returns reactor.core.publisher.Mono<java.lang.Void>, which completes without a value
          TypeVariableReturn       | CachedTypeVariable          | @Cached method find returns T, which contains the type variable T. The codec reads cached bytes back as exactly the declared type
          GenericMethodReturn      | CachedTypeVariable          | @Cached method get returns T
          UnboundedWildcard        | CachedWildcardType          | contains the wildcard ?
          SuperWildcard            | CachedWildcardType          | contains the wildcard ? super java.lang.Integer
          RawReturn                | CachedRawType               | returns the raw type java.util.List
          ObjectReturn             | CachedObjectType            | @Cached method find returns java.lang.Object
          AbstractReturn           | CachedAbstractType          | and Shape is an interface
          AbstractClassReturn      | CachedAbstractType          | and Number is an abstract class
          UnknownParameter         | KeyUnknownParameter         | Key template "user:{userid}" of method find names 'userid', which is not a parameter of the method. Did you mean 'userId'?
          UnknownAccessor          | KeyUnknownAccessor          | reads 'idd' of owner (bad.UnknownAccessor.Owner), which has no record component, no-arg method or getter of that name. Did you mean 'id'? Accessors of owner: id, email
          UnclosedBrace            | KeyTemplateSyntax           | is malformed at position 0: '{' is never closed
          UnopenedBrace            | KeyTemplateSyntax           | is malformed at position 2: '}' closes no '{'
          EmptyPlaceholder         | KeyTemplateSyntax           | the placeholder {} names nothing
          KeyPartTypeInTemplate    | KeyPartTypeNotAllowed       | Key part {filter} of method find is a key part of type bad.KeyPartTypeInTemplate.Filter
          KeyPartTypeParameter     | KeyPartTypeNotAllowed       | Parameter 'names' of method find is a key part of type java.util.List<java.lang.String>, which has no stable text form for a cache key. Key parts may be primitives
          MalformedTtl             | DurationMalformed           | ttl "5 minutes" of method find is not a duration
          MalformedLocalTtl        | DurationMalformed           | localTtl "10x" of method find is not a duration
          ZeroTtl                  | DurationNotPositive         | ttl "0s" of method find is not positive
          NegativeTtl              | DurationNotPositive         | ttl "-5m" of method find is not positive
          OverflowTtl              | DurationTooLong             | ttl "999999999d" of method find is too long
          LocalTtlLonger           | LocalTtlLongerThanTtl       | localTtl "2m" of method find is longer than its ttl "1m"
          KeyWithCacheKey          | KeyWithCacheKey             | Method find has both a key template and @CacheKey on parameter 'id'
          CacheKeyWithoutCached    | CacheKeyWithoutCached       | @CacheKey on parameter 'id' of method find has no effect, because the method is not @Cached
          InvalidName              | CacheNameInvalid            | Cache name "items by owner" of method find may contain only letters
          NameConflict             | CacheNameConflict           | Cache name "items" of method count is also used by find, with values of java.lang.String where this method has java.lang.Integer
          KeyTypeConflict          | CacheNameConflict           | with key parts [long] where this method has [java.lang.String]
          WriteUnknownCache        | WriteUnknownCache           | @WriteThrough of method save names cache "itemz", which no @Cached method of WriteUnknownCache defines. A written or invalidated cache takes its value type, key and ttl from the @Cached method that reads it. Did you mean "items"? Known caches: "items".
          WriteWithoutCached       | WriteUnknownCache           | The interface has no @Cached method; add the one that reads this cache.
          WriteValueTypeMismatch   | WriteValueTypeMismatch      | Cache "items" holds bad.WriteValueTypeMismatch.Item (read by find(long)), but @WriteThrough method rename stores its parameter 'name' of type java.lang.String, which is not assignable to it.
          WriteKeyShapeMismatch    | WriteKeyShapeMismatch       | Cache "items" is keyed by (long) in find(long), but save's key "{item.name}" gives (String). Every method of a cache must build its key from the same text and value types
          WriteKeyIntForLong       | WriteKeyShapeMismatch       | but save's default key (its parameters) gives (int).
          InvalidateKeyShapeMismatch | WriteKeyShapeMismatch     | but delete's key "id:{id}" gives ("id:", long).
          WriteUnknownValue        | WriteUnknownValue           | value "itme" of @WriteThrough method save is not a parameter of the method. Its parameters are: item.
          WriteVoidWithoutValue    | WriteVoidWithoutValue       | @WriteThrough method save returns void, so there is no returned value to store in cache "items". Name the parameter to store with value, such as value = "item".
          WriteVoidFutureWithoutValue | WriteVoidWithoutValue    | returns java.util.concurrent.CompletableFuture<java.lang.Void>, so there is no returned value
          WriteBehindNotVoid       | WriteBehindNotVoid          | @WriteBehind method save returns bad.WriteBehindNotVoid.Item, but it returns before the delegate runs
          WriteBehindParameterNotEncodable | WriteBehindParameterNotEncodable | Parameter 'callback' of @WriteBehind method save has type java.lang.Runnable, and Runnable is an interface the codec cannot create.
          WriteBehindThrowsThrowable | WriteBehindThrowsThrowable | @WriteBehind method save declares throws java.lang.Throwable
          WriteBehindMaxAttempts   | WriteBehindMaxAttempts      | maxAttempts 0 of @WriteBehind method save is less than 1
          WriteTagsMissing         | WriteTagsMissing            | Cache "byOwner" tags its entries with 1 ("owner:{ownerId}") in byOwner(long), but @WriteThrough method replace gives none. A written entry must carry the tags a loaded entry carries
          WriteTagsMissingTemplated | WriteTagsMissing           | Cache "byOwner" tags its entries with 2 ("items", "owner:{ownerId}") in byOwner(long), but @WriteThrough method replace gives none. A written entry must carry the tags a loaded entry carries, or an @InvalidateTags meant for it misses it: declare tags with the same templates, resolved from this method's parameters. Constant tags (without braces) are inherited: declaring only the templated ones, in order, is enough.
          WriteKeyWithCacheKey     | KeyWithCacheKey             | Method save has both a key template and @CacheKey on parameter 'id'
          ConditionSyntax          | ConditionSyntax             | Condition "{page} = 0" of method page is malformed at position 7: '=' alone compares nothing; use ==. A condition tests paths in braces
          ConditionUnknownParameter | ConditionUnknownParameter  | Condition "{pages} == 0" of method page names 'pages', which is not a parameter. Did you mean 'page'?
          UnlessUnknownName        | ConditionUnknownParameter   | unless "{reslt.empty}" of method byOwner names 'reslt', which is not a parameter. unless names the loaded value as {result}, such as unless = "{result.empty}".
          ConditionUnknownAccessor | ConditionUnknownAccessor    | Condition "{query.pages} == 0" of method search reads 'pages' of query (bad.ConditionUnknownAccessor.Query), which has no record component, no-arg method or getter of that name. Did you mean 'page'?
          ConditionNamesResult     | ConditionNamesResult        | Condition "{result.empty}" of method byOwner names {result.empty}, but a condition is checked before the delegate runs, when there is no result. To keep a result out of the cache, use unless = "!({result.empty})" instead.
          UnlessNamesParameter     | UnlessNamesParameter        | unless "{page} != 0" of method page names the parameter 'page', but unless is checked on the loaded value alone
          ConditionNotBoolean      | ConditionNotBoolean         | Condition "{page}" of method page tests {page} alone, but it is of type int, not boolean. Compare it with a literal, such as {page} == 0.
          ConditionTypeMismatch    | ConditionTypeMismatch       | Condition "{page} == 'first'" of method page compares {page} of type int with 'first', which a number can never equal. Compare with an integer, such as == 0.
          ConditionUnknownConstant | ConditionTypeMismatch       | compares {status} of type bad.ConditionUnknownConstant.Status with ACTIV, which is not one of its constants. Did you mean ACTIVE? Constants: ACTIVE, ARCHIVED.
          UnlessSharedConflict     | CacheNameConflict           | Cache name "lists" of method byTeam is also used by byOwner, with unless = "{result.empty}" where this method has no unless.
          TtlFromSyntax            | TtlFromSyntax               | ttlFrom "expires: {result.expiresAt}" of method token is malformed at position 0: it must be one path in braces and nothing else. ttlFrom is one path over the loaded value in braces, such as ttlFrom = "{result.expiresAt}".
          TtlFromNotResult         | TtlFromNotResult            | ttlFrom "{validUntil}" of method token names 'validUntil', but ttlFrom is read from the loaded value, so its path starts at {result}
          TtlFromUnknownAccessor   | TtlFromUnknownAccessor      | ttlFrom "{result.expiresAtt}" of method token reads 'expiresAtt' of result (bad.TtlFromUnknownAccessor.Token), which has no record component, no-arg method or getter of that name. Did you mean 'expiresAt'?
          TtlFromType              | TtlFromType                 | ttlFrom "{result.value}" of method token reads {result.value} of type java.lang.String, but a time to live comes from an Instant (when the value expires), a Duration (how long it lives) or a long (when it expires, in milliseconds since the epoch). Name an accessor of one of these types. Accessors of result that fit: {result.expiresAt}.
          TtlFromWithSliding       | TtlFromWithSliding          | ttlFrom "{result.expiresAt}" of method token is combined with sliding = true
          TtlFromSharedConflict    | CacheNameConflict           | Cache name "tokens" of method other is also used by token, with ttlFrom = "{result.expiresAt}" where this method has no ttlFrom.
          WriteTagShapeMismatch    | WriteTagShapeMismatch       | Tag 1 of cache "byOwner" is ("owner:", long) in byOwner(long), but @WriteThrough method replace's tag "owner:{name}" gives ("owner:", String).
          CachedWithWrite          | CachedWithWrite             | Method save has both @Cached and @WriteThrough. A method either reads a cache or changes one
          WriteThroughWithWriteBehind | WriteThroughWithWriteBehind | Method save has both @WriteThrough and @WriteBehind
          InvalidateAllEntriesWithKey | InvalidateAllEntriesWithKey | @Invalidate of cache "items" on method delete has both allEntries = true and key "{id}"
          InvalidateResultOfVoid   | KeyUnknownParameter         | names 'result', which is not a parameter of the method. Its parameters are: id. The method returns no value for 'result' to name.
          InvalidateTagsEmpty      | InvalidateTagsEmpty         | @InvalidateTags of method delete names no tag
          TagTemplateSyntax        | TagTemplateSyntax           | Tag template "owner:{ownerId" of method deleteByOwner is malformed at position 6: '{' is never closed.
          TagUnknownParameter      | TagUnknownParameter         | Tag template "owner:{owner}" of method byOwner names 'owner', which is not a parameter of the method. Its parameters are: ownerId.
          TagUnknownAccessor       | TagUnknownAccessor          | Tag template "owner:{item.owner}" of method delete reads 'owner' of item (bad.TagUnknownAccessor.Item)
          TagPartTypeNotAllowed    | TagPartTypeNotAllowed       | Tag part {owners} of method delete is a tag part of type java.util.List<java.lang.Long>
          WriteInClass             | CachedNotInInterface        | @InvalidateTags method delete is declared in class WriteInClass
          EarlyRefreshNegative     | EarlyRefreshNegative        | earlyRefresh -1.0 of method find is negative
          EarlyRefreshNotFinite    | EarlyRefreshNotFinite       | earlyRefresh Infinity of method find is not a finite number, so no refresh time follows from it, and the runtime rejects it. Use a positive beta such as 1.0, or 0 to turn early refresh off.
          EarlyRefreshNaN          | EarlyRefreshNotFinite       | earlyRefresh NaN of method find is not a finite number
          StaleWhileRevalidateMalformed | DurationMalformed      | staleWhileRevalidate "30 seconds" of method find is not a duration
          StaleWhileRevalidateNegative | StaleWindowNotPositive  | staleWhileRevalidate "-30s" of method find is not positive, so no stale value could ever be served. Use a positive window such as "30s", or remove staleWhileRevalidate to turn it off.
          StaleIfErrorZero         | StaleWindowNotPositive      | staleIfError "0s" of method find is not positive
          StaleIfErrorTooLong      | DurationTooLong             | staleIfError "999999999d" of method find is too long
          EarlyRefreshWithSliding  | FreshnessWithSliding        | earlyRefresh = 1.0 of method find cannot be combined with sliding = true: a sliding entry's expiry moves with every read, so it has no fixed expiry to refresh before or to serve a stale value after, and the runtime rejects the combination. Remove sliding to use a fixed ttl, or remove earlyRefresh.
          StaleWhileRevalidateWithSliding | FreshnessWithSliding | staleWhileRevalidate = "30s" of method find cannot be combined with sliding = true
          StaleIfErrorWithSliding  | FreshnessWithSliding        | staleIfError = "1h" of method find cannot be combined with sliding = true
          BulkEarlyRefresh         | BulkFreshnessNotSupported   | Bulk method findAll has earlyRefresh = 1.0, but a bulk read never answers with an entry that is due: it reloads entries picked for early refresh or past their expiry together with the missing keys, in the caller's call, and a failure of that load reaches the caller, so earlyRefresh would be silently ignored.
          BulkStaleWhileRevalidate | BulkFreshnessNotSupported   | Bulk method findAll has staleWhileRevalidate = "30s"
          BulkStaleIfError         | BulkFreshnessNotSupported   | Bulk method findAll has staleIfError = "1h"
          FreshnessSharedConflict  | CacheNameConflict           | Cache name "prices" of method maybePrice is also used by price, with staleWhileRevalidate = "30s", staleIfError = "1h" where this method has no earlyRefresh, staleWhileRevalidate or staleIfError.
          BulkSharedFreshCache     | CacheNameConflict           | Cache name "items" of method find is also used by findAll, with no earlyRefresh, staleWhileRevalidate or staleIfError where this method has earlyRefresh = 1.0.
          BulkExtraParameter       | BulkParameterCount          | Bulk method findAll takes 'verbose' besides its keys 'ids'. Each key of a bulk method is cached on its own, so the key must be the element alone, and other parameters would be silently left out of it. Remove 'verbose', or declare a bulk method per value of it.
          BulkParameterType        | BulkParameterType           | Parameter 'ids' of bulk method findAll has type java.util.ArrayList<java.lang.Long>. The runtime hands the delegate the missing keys as a collection it builds, so declare exactly Collection<K>, List<K> or Set<K>
          BulkElementMismatch      | BulkElementMismatch         | Bulk method findAll takes keys of type java.lang.Long in 'ids' but returns a map keyed by java.lang.String.
          BulkElementNotKey        | BulkElementNotKey           | The elements of parameter 'filters' of bulk method findAll are keys of type bad.BulkElementNotKey.Filter, which has no stable text form for a cache key.
          BulkRawMap               | BulkMapType                 | Bulk method findAll returns java.util.Map. Its values are cached per key
          BulkWildcardMap          | BulkMapType                 | returns java.util.Map<java.lang.Long,? extends bad.BulkWildcardMap.Item>.
          BulkValueTypeVariable    | CachedTypeVariable          | @Cached method findAll returns java.util.Map<java.lang.Long,T>, which contains the type variable T.
          BulkReturnsList          | BulkReturnsCollection       | @Cached method findAll takes a collection of keys ('ids') but returns java.util.List<bad.BulkReturnsList.Item>, so the decorator cannot tell which value belongs to which key, and a collection is no cache key. Return Map<java.lang.Long, V> so that results can be matched to keys
          BulkAsync                | BulkAsyncNotSupported       | Bulk method findAll returns java.util.concurrent.CompletableFuture<java.util.Map<java.lang.Long,bad.BulkAsync.Item>>, but bulk methods are not supported asynchronously yet
          BulkKeyTemplate          | BulkKeyTemplate             | Bulk method findAll has key "item:{ids}", but the key of each entry of a bulk method is the element of 'ids' itself.
          BulkTags                 | BulkTagsNotSupported        | Bulk method findAll declares tags, but entries loaded in bulk cannot be tagged yet
          BulkThrowsThrowable      | BulkLoaderThrowsThrowable   | Bulk method findAll declares throws java.lang.Throwable, but a bulk load runs in a loader that may throw only Exception.
          BulkSharedKeyShape       | CacheNameConflict           | Cache name "items" of method findAll is also used by find, with key ("item:", long) where this method has (Long) (each element of a bulk method is its key as it is).
          BulkSharedTaggedCache    | CacheNameConflict           | Cache name "items" of method find is also used by findAll, with 0 tags where this method has 1 (entries loaded in bulk carry no tags).
          BulkSharedLaterTagged    | CacheNameConflict           | Cache name "items" of method findTagged is also used by findAll, with 0 tags where this method has 1
          BatchWithUnknown         | BatchWithUnknownMethod      | batchWith "owner" of method find names no method of BatchWithUnknown. Did you mean "owners"? Its bulk methods: owners.
          BatchWithNotBulk         | BatchWithNotBulk            | batchWith "owners" of method find names owners(Collection), which is no bulk method: it returns java.util.List<bad.BatchWithNotBulk.Owner>, not Map<K, V>.
          BatchWithTypeMismatch    | BatchWithTypeMismatch       | batchWith "owners" of method find names owners(Collection), which loads Map<java.lang.Long, bad.BatchWithTypeMismatch.Owner>, but find is keyed by java.lang.Integer
          BatchWithTwoKeyValues    | BatchWithKeyCount           | batchWith of method find needs a key of exactly one value, but its key (long, String) has 2.
          BatchWindowNegative      | BatchWindowNegative         | batchWindow "-1ms" of method find is negative
          BatchWindowMalformed     | DurationMalformed           | batchWindow "2 ms" of method find is not a duration
          BatchMaxBatchZero        | BatchMaxBatch               | maxBatch 0 of method find is less than 1
          BatchWithAsync           | BatchWithUnsupportedReturn  | batchWith of method find cannot be used with its return type java.util.concurrent.CompletableFuture<bad.BatchWithAsync.Owner>: batched loads block the caller
          BatchWithPrimitive       | BatchWithUnsupportedReturn  | batchWith of method count cannot be used with its return type long: a key the bulk method leaves out loads as null, which a primitive cannot hold.
          BatchWithOnBulk          | BatchWithOnBulk             | Bulk method findAll has batchWith, but it already loads its missing keys with one call.
          BatchSettingWithoutBatchWith | BatchSettingWithoutBatchWith | maxBatch of method find has no effect without batchWith, so it would be silently ignored.
          BatchWithThrowsThrowable | BulkLoaderThrowsThrowable   | Bulk method owners declares throws java.lang.Throwable
          CacheControlNoStoreWithMaxAge | CacheControlNoStoreConflict | @CacheControl on method find has noStore = true and maxAge = "1m", which contradict each other: no-store forbids every cache to keep the response, so maxAge could never apply. Remove maxAge, or remove noStore.
          CacheControlNoStoreWithSMaxAge | CacheControlNoStoreConflict | has noStore = true and sMaxAge = "1m"
          CacheControlNoStoreWithStaleWhileRevalidate | CacheControlNoStoreConflict | has noStore = true and staleWhileRevalidate = "30s"
          CacheControlNoStoreWithStaleIfError | CacheControlNoStoreConflict | has noStore = true and staleIfError = "1d"
          CacheControlNoStoreWithImmutable | CacheControlNoStoreConflict | has noStore = true and immutable = true
          CacheControlNoStoreWithNoCache | CacheControlNoStoreConflict | has noStore = true and noCache = true
          CacheControlNoStoreWithMustRevalidate | CacheControlNoStoreConflict | has noStore = true and mustRevalidate = true
          CacheControlNoStorePublic | CacheControlNoStoreConflict | has noStore = true and visibility = Visibility.PUBLIC
          CacheControlSMaxAgeDefaultPrivate | CacheControlSMaxAgePrivate | sMaxAge "5m" of @CacheControl on method find tells shared caches how long to keep the response, but visibility is PRIVATE by default (it is not set here), and shared caches must not store a private response. Say visibility = Visibility.PUBLIC
          CacheControlSMaxAgeExplicitPrivate | CacheControlSMaxAgePrivate | but visibility is set to PRIVATE, and shared caches
          CacheControlNoStoreWithMaxAgeFromTtl | CacheControlNoStoreConflict | @CacheControl on method token has noStore = true and maxAgeFromTtl = true, which contradict each other
          CacheControlMaxAgeFromTtlNotCached | CacheControlMaxAgeFromTtlWithoutTtlFrom | maxAgeFromTtl = true of @CacheControl on method token sends the time a cached value has left to live, but method token is not @Cached. Cache it with a ttlFrom that says when each value expires, such as @Cached(ttl = "1h", ttlFrom = "{result.expiresAt}"), or set a fixed maxAge instead.
          CacheControlMaxAgeFromTtlWithoutTtlFrom | CacheControlMaxAgeFromTtlWithoutTtlFrom | but method token has no ttlFrom in its @Cached, so all its values share the cache's ttl. Add a ttlFrom that says when each value expires
          CacheControlMaxAgeFromTtlWithMaxAge | CacheControlMaxAgeFromTtlWithMaxAge | @CacheControl on method token has maxAgeFromTtl = true and maxAge = "1m", but a response carries one max-age: the value's remaining time to live, or a fixed one. Remove maxAge to count down with the value, or remove maxAgeFromTtl.
          CacheControlImmutableWithoutMaxAge | CacheControlImmutableWithoutMaxAge | @CacheControl on method find has immutable = true but no maxAge. immutable only spares clients revalidating a response while it is fresh
          CacheControlImmutableZeroMaxAge | CacheControlImmutableWithoutMaxAge | has immutable = true but maxAge "0s", which makes it stale at once
          CacheControlMalformedDuration | CacheControlDurationMalformed | maxAge "1 minute" of @CacheControl on method find is not a duration
          CacheControlNegativeMaxAge | CacheControlDurationNegative | maxAge "-1s" of @CacheControl on method find is negative, but HTTP ages count up from zero. Use "0s"
          CacheControlZeroStaleIfError | CacheControlDurationNotPositive | staleIfError "0s" of @CacheControl on method find is not positive, so it would allow nothing. Use a positive duration such as "30s", or remove staleIfError.
          CacheControlSubSecond    | CacheControlDurationSubSecond | maxAge "1500ms" of @CacheControl on method find is not a whole number of seconds, but HTTP counts max-age in seconds and a fraction would be cut off. Write whole seconds, such as "2s".
          CacheControlTooLong      | CacheControlDurationTooLong | maxAge "100000d" of @CacheControl on method find is longer than HTTP caches count
          CacheControlVoidInterfaceOnly | CacheControlDurationMalformed | maxAge "soon" of @CacheControl on interface CacheControlVoidInterfaceOnly is not a duration
          CacheControlInterfaceReportedOnce | CacheControlNoStoreConflict | @CacheControl on interface CacheControlInterfaceReportedOnce has noStore = true and maxAge = "1m"
          CacheControlLastModifiedUnknown | CacheControlLastModifiedUnknown | lastModified "updated" of @CacheControl on method find names no accessor of bad.CacheControlLastModifiedUnknown.Item, the value type of method find: it has no record component, no-arg method or getter of that name. Did you mean "updatedAt"? Accessors that return a point in time: updatedAt.
          CacheControlLastModifiedNoCandidates | CacheControlLastModifiedUnknown | It has no accessor that returns Instant, OffsetDateTime, ZonedDateTime or java.util.Date: add one, or remove lastModified
          CacheControlInterfaceLastModified | CacheControlLastModifiedUnknown | lastModified "updatedAt" of @CacheControl on interface CacheControlInterfaceLastModified names no accessor of bad.CacheControlInterfaceLastModified.Summary, the value type of method summary
          CacheControlLastModifiedNotTime | CacheControlLastModifiedNotTime | lastModified "name" of @CacheControl on method find reads name() of bad.CacheControlLastModifiedNotTime.Item, the value type of method find, which returns java.lang.String, not a point in time.
          CacheControlLastModifiedLocalDateTime | CacheControlLastModifiedNotTime | A LocalDateTime has no zone, so it names no instant. Return Instant, OffsetDateTime or ZonedDateTime, or add an accessor that says the zone, such as Instant modifiedAt() { return updatedAt().toInstant(ZoneOffset.UTC); }.
          CacheControlLastModifiedLocalDate | CacheControlLastModifiedNotTime | A LocalDate has no time of day and no zone
          CacheControlLastModifiedEpochMillis | CacheControlLastModifiedNotTime | which returns long, not a point in time. A number does not say what it counts from or in which unit. Add an accessor that returns Instant, such as Instant modifiedAt() { return Instant.ofEpochMilli(updatedAtMillis()); }.
          CacheControlVaryNotToken | CacheControlVaryInvalid   | vary "Accept Language" of @CacheControl on method find is not a header field name: a name is a token of letters, digits and !#$%&'*+-.^_`|~ (RFC 9110 section 5.6.2). Use a name such as "Accept-Encoding".
          CacheControlVaryList     | CacheControlVaryInvalid     | Give one name per entry, such as vary = {"Accept-Encoding", "Accept-Language"}.
          CacheControlVoidReturn   | CacheControlVoidReturn      | @CacheControl method save returns void, so there is no response body for HTTP caches to keep.
          CacheControlVoidFuture   | CacheControlVoidReturn      | @CacheControl method save returns java.util.concurrent.CompletableFuture<java.lang.Void>
          CacheControlTypeVariable | CacheControlValueType       | Method find gets an HTTP policy from @CacheControl on interface CacheControlTypeVariable, but it returns T, and it contains the type variable T.
          CacheControlOnClass      | CacheControlNotOnInterface  | @CacheControl is on class CacheControlOnClass, but cachegen reads it on interfaces and their methods
          CacheControlMethodInClass | CachedNotInInterface       | @CacheControl method find is declared in class CacheControlMethodInClass
          """)
  void reportsOneErrorOnTheMarkedLine(String name, String tag, String text) throws IOException {
    String path = "bad/bad/" + name + ".java";
    JavaFileObject source = Compilations.source(path);
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = javac().withProcessors(processor).compile(source);

    assertThat(compilation).failed();
    assertEquals(1, compilation.errors().size(), () -> compilation.errors().toString());
    assertThat(compilation)
        .hadErrorContaining("[" + tag + "] ")
        .inFile(source)
        .onLine(markedLine(path));
    assertThat(compilation).hadErrorContaining(text);
    assertEquals(List.of(), processor.createdSources(), "no decorator for an erroneous type");
  }

  @Test
  void reportsEveryErrorOfAnInterfaceAndWritesOnlyTheOthers() {
    JavaFileObject bad =
        com.google.testing.compile.JavaFileObjects.forSourceLines(
            "test.Several",
            "package test;",
            "import dev.cachegen.annotations.Cached;",
            "public interface Several {",
            "  @Cached(ttl = \"soon\") String a(long id);",
            "  @Cached void b(long id);",
            "  @Cached(key = \"{nope}\") String c(long id);",
            "}");
    JavaFileObject good =
        com.google.testing.compile.JavaFileObjects.forSourceLines(
            "test.Fine",
            "package test;",
            "import dev.cachegen.annotations.Cached;",
            "public interface Fine {",
            "  @Cached String a(long id);",
            "}");
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = javac().withProcessors(processor).compile(bad, good);

    assertThat(compilation).failed();
    assertEquals(3, compilation.errors().size(), () -> compilation.errors().toString());
    assertThat(compilation).hadErrorContaining("[DurationMalformed]").inFile(bad).onLine(4);
    assertThat(compilation).hadErrorContaining("[CachedVoidReturn]").inFile(bad).onLine(5);
    assertThat(compilation).hadErrorContaining("[KeyUnknownParameter]").inFile(bad).onLine(6);
    assertEquals(List.of("test.CachedFine", "test.CachedFine_Factory"), processor.createdSources());
  }

  @Test
  void everyMessageHasATagAndSomeAdvice() {
    for (dev.cachegen.processor.diagnostics.Message message :
        dev.cachegen.processor.diagnostics.Message.values()) {
      String text = message.format(new Object[20]);
      assertTrue(text.startsWith("[" + message.tag() + "] "), text);
    }
  }

  private static int markedLine(String path) throws IOException {
    List<String> lines = Files.readAllLines(Compilations.RESOURCES.resolve(path));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// ERROR")) {
        return i + 1;
      }
    }
    throw new AssertionError("no // ERROR marker in " + path);
  }
}
