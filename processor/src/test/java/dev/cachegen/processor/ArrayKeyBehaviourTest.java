package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.RedisExtension;
import java.lang.reflect.Array;
import java.util.Arrays;
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
 * Issue 12, item 4: compiles {@code good/com/acme/keys/ArrayKeys.java} and runs its decorator over
 * an in-memory runtime and over two runtimes sharing a real Redis. Arrays and varargs are keys
 * element by element: equal contents hit, different contents (element borders, emptiness, null)
 * never meet, and a second runtime finds the first one's entry under the same shared key.
 */
class ArrayKeyBehaviourTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  private static GeneratedClasses classes;
  private static Class<?> arrayKeys;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    arrayKeys = classes.load("com.acme.keys.ArrayKeys");
  }

  static Stream<Arguments> tiers() {
    return Tiers.memoryAndRedis(redis);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void varargsAreKeysElementByElement(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = decorate(delegate, runtime);
      Object ab = call(cached, "joined", (Object) new String[] {"a", "b"});
      assertEquals(ab, call(cached, "joined", (Object) new String[] {"a", "b"}));
      assertEquals(1, delegate.calls("joined"));
      assertNotEquals(ab, call(cached, "joined", (Object) new String[] {"a,b"}));
      call(cached, "joined", (Object) new String[] {"ab"});
      call(cached, "joined", (Object) new String[0]);
      call(cached, "joined", (Object) null);
      call(cached, "joined", (Object) new String[] {null});
      assertEquals(6, delegate.calls("joined"), "a,b / ab / empty / null / [null] are all new");
      call(cached, "joined", (Object) new String[0]);
      call(cached, "joined", (Object) null);
      assertEquals(6, delegate.calls("joined"), "empty and null hit their own entries");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void primitiveEnumAndRecordArraysAreKeys(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = decorate(delegate, runtime);
      long[] ids = {1, 2, 3};
      assertEquals(6L, call(cached, "total", (Object) ids));
      ids[0] = 10; // the caller reuses its array: the cached key must not change with it
      assertEquals(15L, call(cached, "total", (Object) ids));
      assertEquals(6L, call(cached, "total", (Object) new long[] {1, 2, 3}));
      assertEquals(2, delegate.calls("total"));

      Object colors = colors("RED", "GREEN");
      call(cached, "colors", colors, new char[] {'r', 'g'});
      call(cached, "colors", colors("RED", "GREEN"), new char[] {'r', 'g'});
      call(cached, "colors", colors("GREEN", "RED"), new char[] {'r', 'g'});
      assertEquals(2, delegate.calls("colors"));

      call(cached, "pages", pages(1, 20, 2, 20));
      call(cached, "pages", pages(1, 20, 2, 20));
      call(cached, "pages", pages(1, 20));
      assertEquals(2, delegate.calls("pages"));

      Object query = query("ann", 1, 2);
      call(cached, "byQuery", query);
      call(cached, "byQuery", query("ann", 1, 2));
      call(cached, "byQuery", query("ann", 12));
      assertEquals(2, delegate.calls("byQuery"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void anInvalidationWithTheSameArrayEvicts(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = decorate(delegate, runtime);
      call(cached, "total", (Object) new long[] {4, 5});
      call(cached, "forget", (Object) new long[] {4, 5});
      call(cached, "total", (Object) new long[] {4, 5});
      assertEquals(2, delegate.calls("total"));
    }
  }

  @Test
  void aSecondRuntimeFindsTheEntryInRedis() throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime first = redisRuntime();
        CacheRuntime second = redisRuntime()) {
      Object a = decorate(delegate, first);
      Object b = decorate(delegate, second);
      assertEquals(
          call(a, "joined", (Object) new String[] {"x", "y:z"}),
          call(b, "joined", (Object) new String[] {"x", "y:z"}));
      assertEquals(1, delegate.calls("joined"));
      assertEquals(10L, call(a, "total", (Object) new long[] {3, 7}));
      assertEquals(10L, call(b, "total", (Object) new long[] {3, 7}));
      assertEquals(1, delegate.calls("total"));
    }
  }

  private static CacheRuntime redisRuntime() {
    return CacheRuntime.builder().redis(redis.uri()).keyPrefix(redis.keyPrefix()).build();
  }

  private static RecordingDelegate delegate() {
    AtomicInteger counter = new AtomicInteger();
    return new RecordingDelegate()
        .answer(
            "joined", args -> Arrays.toString((Object[]) args[0]) + "#" + counter.incrementAndGet())
        .answer("total", args -> Arrays.stream((long[]) args[0]).sum())
        .answer("byQuery", args -> "query #" + counter.incrementAndGet())
        .answer("colors", args -> "colors #" + counter.incrementAndGet())
        .answer("pages", args -> "pages #" + counter.incrementAndGet())
        .answer("forget", args -> null);
  }

  private static Object decorate(RecordingDelegate delegate, CacheRuntime runtime)
      throws ReflectiveOperationException {
    return classes.decorate("com.acme.keys.CachedArrayKeys", arrayKeys, delegate, runtime);
  }

  private static Object colors(String... names) {
    Class<?> color = classes.load("com.acme.keys.ArrayKeys$Color");
    Object array = Array.newInstance(color, names.length);
    for (int i = 0; i < names.length; i++) {
      Array.set(array, i, enumConstant(color, names[i]));
    }
    return array;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  private static Object pages(int... numbersAndSizes) throws ReflectiveOperationException {
    Class<?> page = classes.load("com.acme.keys.ArrayKeys$Page");
    Object array = Array.newInstance(page, numbersAndSizes.length / 2);
    for (int i = 0; i < numbersAndSizes.length / 2; i++) {
      Array.set(
          array,
          i,
          page.getConstructor(int.class, int.class)
              .newInstance(numbersAndSizes[2 * i], numbersAndSizes[2 * i + 1]));
    }
    return array;
  }

  private static Object query(String owner, long... ids) throws ReflectiveOperationException {
    return classes
        .load("com.acme.keys.ArrayKeys$Query")
        .getConstructor(String.class, long[].class)
        .newInstance(owner, ids);
  }

  private static Object call(Object target, String name, Object... args) throws Throwable {
    return GeneratedClasses.call(target, arrayKeys, name, args);
  }
}
