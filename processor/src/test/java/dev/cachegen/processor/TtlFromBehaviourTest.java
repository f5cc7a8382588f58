package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.RedisExtension;
import dev.cachegen.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, item 2: compiles {@code good/com/acme/tokens/Tokens.java} and runs its decorator. Each
 * value's {@code Instant}, {@code Duration} or epoch-millis accessor sets its life in the
 * in-process tier (with a clock the test moves) and in Redis (its {@code PTTL}); an expired value
 * is returned but not cached.
 */
class TtlFromBehaviourTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.ownedPerClass();

  private static GeneratedClasses classes;
  private static Class<?> tokens;

  private final TestClock clock = new TestClock();

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    tokens = classes.load("com.acme.tokens.Tokens");
  }

  /** Tokens valid for 10 s (user "expired": expired 1 s ago), leases 20 s, prices 30 s. */
  private RecordingDelegate delegate() {
    return new RecordingDelegate()
        .answer(
            "token",
            args ->
                token(
                    (String) args[0],
                    args[0].equals("expired")
                        ? clock.instant().minusSeconds(1)
                        : clock.instant().plusSeconds(10)))
        .answer("lease", args -> Optional.of(lease((String) args[0], Duration.ofSeconds(20))))
        .answer(
            "price", args -> CompletableFuture.completedFuture(price(7, clock.millis() + 30_000)))
        .answer(
            "tokens",
            args -> {
              Map<Object, Object> found = new LinkedHashMap<>();
              for (Object user : (Collection<?>) args[0]) {
                found.put(
                    user,
                    token(
                        (String) user,
                        user.equals("expired")
                            ? clock.instant().minusSeconds(1)
                            : clock.instant().plusSeconds(10)));
              }
              return found;
            });
  }

  @Test
  void theInProcessTierKeepsAValueOnlyAsLongAsItIsValid() throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = CacheRuntime.builder().clock(clock).build()) {
      Object cached = classes.decorate("com.acme.tokens.CachedTokens", tokens, delegate, runtime);
      call(cached, "token", "ann");
      call(cached, "token", "ann");
      assertEquals(1, delegate.calls("token"));
      clock.advance(Duration.ofSeconds(11)); // localTtl is one minute; the token said 10 s
      call(cached, "token", "ann");
      assertEquals(2, delegate.calls("token"));

      call(cached, "token", "expired");
      call(cached, "token", "expired");
      assertEquals(4, delegate.calls("token"), "an expired token is returned, not cached");

      Map<?, ?> all = (Map<?, ?>) call(cached, "tokens", List.of("bob", "expired"));
      assertEquals(2, all.size());
      call(cached, "tokens", List.of("bob", "expired"));
      assertEquals(
          List.of("expired"), List.copyOf((Collection<?>) delegate.arguments("tokens").get(1)[0]));
    }
  }

  @Test
  void redisKeepsEachValueForItsOwnTtl() throws Throwable {
    RecordingDelegate delegate = delegate();
    String prefix = redis.newPrefix();
    try (CacheRuntime runtime =
        CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix).clock(clock).build()) {
      Object cached = classes.decorate("com.acme.tokens.CachedTokens", tokens, delegate, runtime);
      call(cached, "token", "ann");
      call(cached, "lease", "db");
      ((CompletableFuture<?>) call(cached, "price", "sku-1")).get(10, TimeUnit.SECONDS);
      call(cached, "token", "expired");
      // Each ttl less at most 10 % of jitter, less the real time Redis has counted down since the
      // SET (the test's clock stands still, Redis's does not): up to a second on a busy machine.
      assertBetween(9_000 - 1_000, 10_000, pttl(prefix, "Tokens.token", "ann"));
      assertBetween(18_000 - 1_000, 20_000, pttl(prefix, "Tokens.lease", "db"));
      assertBetween(27_000 - 1_000, 30_000, pttl(prefix, "Tokens.price", "sku-1"));
      assertEquals(-2, pttl(prefix, "Tokens.token", "expired"), "an expired token is not in Redis");
    }
  }

  /** The PTTL of the one entry key of {@code cache} ending in {@code [id]}. */
  private static long pttl(String prefix, String cache, String id) {
    String pattern = prefix + ":{" + cache + ":*:\\[" + id + "\\]}";
    List<String> keys =
        redis.command("KEYS", pattern).lines().filter(line -> !line.isBlank()).toList();
    if (keys.isEmpty()) {
      return -2;
    }
    assertEquals(1, keys.size(), keys.toString());
    String key = keys.get(0);
    return Long.parseLong(redis.command("PTTL", key));
  }

  private static void assertBetween(long low, long high, long actual) {
    assertTrue(low <= actual && actual <= high, actual + " not in [" + low + ", " + high + "]");
  }

  private static Object token(String value, Instant expiresAt) {
    return construct("com.acme.tokens.Tokens$Token", value, expiresAt);
  }

  private static Object lease(String holder, Duration ttl) {
    return construct("com.acme.tokens.Tokens$Lease", holder, ttl);
  }

  private static Object price(long cents, long validUntilMillis) {
    try {
      return classes
          .load("com.acme.tokens.Tokens$Price")
          .getConstructor(long.class, long.class)
          .newInstance(cents, validUntilMillis);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object construct(String type, Object first, Object second) {
    try {
      return classes
          .load(type)
          .getConstructor(first.getClass(), second.getClass())
          .newInstance(first, second);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object call(Object target, String name, Object... args) throws Throwable {
    return GeneratedClasses.call(target, tokens, name, args);
  }
}
