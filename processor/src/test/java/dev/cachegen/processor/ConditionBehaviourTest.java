package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.RedisExtension;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, item 1: compiles {@code good/com/acme/conditions/Listings.java} and runs its decorator
 * on memory and on a real Redis. A false {@code condition} sends the call to the delegate with no
 * caching; a true {@code unless} returns the loaded value without storing it, for plain, optional,
 * primitive, future, bulk (per entry) and batched methods.
 */
class ConditionBehaviourTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  private static GeneratedClasses classes;
  private static Class<?> listings;

  private final AtomicInteger counter = new AtomicInteger();

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    listings = classes.load("com.acme.conditions.Listings");
  }

  static Stream<Arguments> tiers() {
    return Tiers.memoryAndRedis(redis);
  }

  private static CacheRuntime redisRuntime() {
    return CacheRuntime.builder().redis(redis.uri()).keyPrefix(redis.keyPrefix()).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void aFalseConditionSkipsTheCache(String tier, Supplier<CacheRuntime> runtimes) throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = decorate(delegate, runtime);
      assertEquals(call(cached, "page", "ann", 0), call(cached, "page", "ann", 0));
      assertEquals(1, delegate.calls("page"), "page 0 is cached");
      call(cached, "page", "ann", 1);
      call(cached, "page", "ann", 1);
      assertEquals(3, delegate.calls("page"), "page 1 is not");

      call(cached, "search", query("ann", 0, "ACTIVE", false));
      call(cached, "search", query("ann", 0, "ACTIVE", false));
      assertEquals(1, delegate.calls("search"), "active and not fresh: cached");
      call(cached, "search", query("bob", 0, "ACTIVE", true));
      call(cached, "search", query("bob", 0, "ACTIVE", true));
      call(cached, "search", query("cid", 0, "ARCHIVED", false));
      call(cached, "search", query("cid", 0, "ARCHIVED", false));
      assertEquals(5, delegate.calls("search"), "fresh or archived: not cached");
      call(cached, "search", query("admin", 0, "ARCHIVED", true));
      call(cached, "search", query("admin", 0, "ARCHIVED", true));
      call(cached, "search", new Object[] {null});
      assertEquals(7, delegate.calls("search"), "|| admin: cached; a null query: not cached");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void aValueUnlessHoldsForIsReturnedButNotStored(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = decorate(delegate, runtime);
      assertEquals(List.of(), call(cached, "byOwner", "nobody"));
      call(cached, "byOwner", "nobody");
      call(cached, "byOwner", "ann");
      call(cached, "byOwner", "ann");
      assertEquals(3, delegate.calls("byOwner"), "empty lists are loaded each time");

      assertEquals(0, call(cached, "count", "nobody"));
      call(cached, "count", "nobody");
      assertEquals(3, call(cached, "count", "ann"));
      call(cached, "count", "ann");
      assertEquals(3, delegate.calls("count"), "a primitive 0 is not stored");

      assertEquals(Optional.of(listing(1, "draft")), call(cached, "find", 1L));
      call(cached, "find", 1L);
      call(cached, "find", 2L);
      call(cached, "find", 2L);
      assertEquals(3, delegate.calls("find"), "an Optional's draft value is not stored");

      for (int i = 0; i < 2; i++) {
        CompletableFuture<?> untitled = (CompletableFuture<?>) call(cached, "later", 0L);
        assertEquals(listing(0, null), untitled.get(10, TimeUnit.SECONDS));
        ((CompletableFuture<?>) call(cached, "later", 5L)).get(10, TimeUnit.SECONDS);
      }
      assertEquals(3, delegate.calls("later"), "a future's untitled value is not stored");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void bulkAndBatchedLoadsDecidePerEntry(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = decorate(delegate, runtime);
      Map<?, ?> all = (Map<?, ?>) call(cached, "findAll", List.of(1L, 2L, 3L));
      assertEquals(
          Map.of(1L, listing(1, "draft"), 2L, listing(2, "ok"), 3L, listing(3, "ok")), all);
      call(cached, "findAll", List.of(1L, 2L, 3L));
      assertEquals(
          List.of(1L), List.copyOf((Collection<?>) delegate.arguments("findAll").get(1)[0]));
      call(cached, "findAll", List.of());
      assertEquals(3, delegate.calls("findAll"), "an empty call goes straight to the delegate");

      assertEquals(listing(1, "draft"), call(cached, "batched", 1L));
      assertEquals(listing(1, "draft"), call(cached, "batched", 1L));
      call(cached, "batched", 2L);
      call(cached, "batched", 2L);
      assertEquals(3, delegate.calls("loadAll"), "the batched draft is loaded twice, 2 once");
      assertEquals(listing(0, "direct"), call(cached, "batched", 0L));
      assertEquals(1, delegate.calls("batched"), "id 0 skips the batch and the cache");
    }
  }

  @Test
  void aValueUnlessHoldsForIsNotInRedisForAnotherNode() throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime first = redisRuntime();
        CacheRuntime second = redisRuntime()) {
      Object a = decorate(delegate, first);
      Object b = decorate(delegate, second);
      call(a, "byOwner", "nobody");
      call(a, "byOwner", "ann");
      call(b, "byOwner", "nobody");
      call(b, "byOwner", "ann");
      assertEquals(3, delegate.calls("byOwner"), "node B found only the stored list in Redis");
    }
  }

  private RecordingDelegate delegate() {
    return new RecordingDelegate()
        .answer("page", args -> List.of(listing(counter.incrementAndGet(), "p" + args[1])))
        .answer(
            "byOwner",
            args -> args[0].equals("nobody") ? List.of() : List.of(listing(1, "" + args[0])))
        .answer("search", args -> List.of(listing(counter.incrementAndGet(), "s")))
        .answer(
            "later",
            args ->
                CompletableFuture.completedFuture(
                    listing((long) args[0], (long) args[0] == 0 ? null : "t")))
        .answer("count", args -> args[0].equals("nobody") ? 0 : 3)
        .answer("find", args -> Optional.of(titled((long) args[0])))
        .answer("findAll", args -> titled((Collection<?>) args[0]))
        .answer("loadAll", args -> titled((Collection<?>) args[0]))
        .answer("batched", args -> listing((long) args[0], "direct"));
  }

  private static Object titled(long id) {
    return listing(id, id == 1 ? "draft" : "ok");
  }

  private static Map<Object, Object> titled(Collection<?> ids) {
    Map<Object, Object> found = new LinkedHashMap<>();
    ids.forEach(id -> found.put(id, titled((long) id)));
    return found;
  }

  private static Object decorate(RecordingDelegate delegate, CacheRuntime runtime)
      throws ReflectiveOperationException {
    return classes.decorate("com.acme.conditions.CachedListings", listings, delegate, runtime);
  }

  private static Object listing(long id, String title) {
    try {
      return classes
          .load("com.acme.conditions.Listings$Listing")
          .getConstructor(long.class, String.class)
          .newInstance(id, title);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object query(String owner, int page, String status, boolean fresh)
      throws ReflectiveOperationException {
    Class<?> statusType = classes.load("com.acme.conditions.Listings$Status");
    return classes
        .load("com.acme.conditions.Listings$Query")
        .getConstructor(String.class, int.class, statusType, boolean.class)
        .newInstance(owner, page, Enum.valueOf((Class) statusType, status), fresh);
  }

  private static Object call(Object target, String name, Object... args) throws Throwable {
    return GeneratedClasses.call(target, listings, name, args);
  }
}
