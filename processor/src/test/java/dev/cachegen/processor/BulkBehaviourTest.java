package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles {@code good/com/acme/bulk}, runs the decorators of {@code Directory} and {@code Bulks}
 * over an in-memory runtime and recording delegates, and checks which keys reach the delegate: a
 * bulk method asks once for exactly the keys no tier has, and concurrent misses of a batched method
 * become one call of its bulk method.
 */
class BulkBehaviourTest {
  private static final long DEADLINE_SECONDS = 30;

  private static GeneratedClasses classes;
  private static Class<?> directory;
  private static Class<?> bulks;

  private RecordingDelegate delegate;
  private CacheRuntime runtime;
  private Object cachedDirectory;
  private Object cachedBulks;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    directory = classes.load("com.acme.bulk.Directory");
    bulks = classes.load("com.acme.bulk.Bulks");
  }

  @BeforeEach
  void decorate() throws ReflectiveOperationException {
    delegate =
        new RecordingDelegate()
            .answer("find", args -> item((long) args[0]))
            // Ids from 100 up do not exist.
            .answer("findAll", args -> items((Collection<?>) args[0]))
            .answer("owners", args -> owners((Collection<?>) args[0]))
            .answer("byCodes", args -> codes((Collection<?>) args[0]));
    runtime = CacheRuntime.inMemory();
    cachedDirectory =
        classes.decorate("com.acme.bulk.CachedDirectory", directory, delegate, runtime);
    cachedBulks = classes.decorate("com.acme.bulk.CachedBulks", bulks, delegate, runtime);
  }

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void aBulkReadAsksTheDelegateOnceForOnlyTheMissingKeys() throws Throwable {
    call(cachedDirectory, directory, "find", 1L);

    Object found = call(cachedDirectory, directory, "findAll", List.of(1L, 2L, 3L));

    assertEquals(ordered(1L, item(1), 2L, item(2), 3L, item(3)), found);
    assertEquals(1, delegate.calls("findAll"));
    assertEquals(List.of(2L, 3L), keysOf(delegate.arguments("findAll").get(0)[0]));
  }

  @Test
  void aRepeatedBulkReadDoesNotCallTheDelegate() throws Throwable {
    Object first = call(cachedDirectory, directory, "findAll", List.of(1L, 2L, 3L));
    Object second = call(cachedDirectory, directory, "findAll", List.of(3L, 2L, 1L));

    assertEquals(first, second);
    assertEquals(List.of(3L, 2L, 1L), List.copyOf(((Map<?, ?>) second).keySet()));
    assertEquals(1, delegate.calls("findAll"));
  }

  @Test
  void aSingleReadAfterABulkReadHitsTheSharedCache() throws Throwable {
    call(cachedDirectory, directory, "findAll", List.of(4L, 5L));

    assertEquals(item(4), call(cachedDirectory, directory, "find", 4L));
    assertEquals(item(5), call(cachedDirectory, directory, "find", 5L));
    assertEquals(0, delegate.calls("find"));
  }

  @Test
  void keysTheDelegateLeavesOutAreAskedForAgainWithoutCacheNulls() throws Throwable {
    Object first = call(cachedDirectory, directory, "findAll", List.of(1L, 100L));
    Object second = call(cachedDirectory, directory, "findAll", List.of(1L, 100L));

    assertEquals(ordered(1L, item(1)), first);
    assertEquals(ordered(1L, item(1)), second);
    assertEquals(2, delegate.calls("findAll"));
    assertEquals(List.of(100L), keysOf(delegate.arguments("findAll").get(1)[0]));
  }

  @Test
  void keysTheDelegateLeavesOutAreCachedAsAbsentWithCacheNulls() throws Throwable {
    Set<String> codes = new LinkedHashSet<>(List.of("a", "missing"));
    Object first = call(cachedBulks, bulks, "byCodes", codes);
    Object second = call(cachedBulks, bulks, "byCodes", codes);

    assertEquals(ordered("a", item(1)), first);
    assertEquals(ordered("a", item(1)), second);
    assertEquals(1, delegate.calls("byCodes"));
    assertInstanceOf(Set.class, delegate.arguments("byCodes").get(0)[0], "a Set parameter");
  }

  @Test
  void whatTheBulkDelegateThrowsReachesTheCallerUnchanged() {
    IOException failure = new IOException("database down");
    delegate.answer(
        "findAll",
        args -> {
          throw failure;
        });

    assertSame(
        failure,
        assertThrows(
            IOException.class, () -> call(cachedBulks, bulks, "findAll", List.of(1L, 2L))));
    assertInstanceOf(List.class, delegate.arguments("findAll").get(0)[0], "a List parameter");
  }

  @Test
  void concurrentMissesOfABatchedMethodMakeOneBulkCall() throws Exception {
    int callers = 4; // Bulks.owner's maxBatch: a full batch is loaded without waiting
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Object>> owners = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        long id = i + 1;
        owners.add(
            threads.submit(
                () -> {
                  start.await();
                  return callFromThread(cachedBulks, bulks, "owner", id);
                }));
      }
      start.countDown();
      for (int i = 0; i < callers; i++) {
        assertEquals(owner(i + 1), owners.get(i).get(DEADLINE_SECONDS, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }

    assertEquals(1, delegate.calls("owners"), "one bulk call for every caller");
    assertEquals(0, delegate.calls("owner"));
    Object keys = delegate.arguments("owners").get(0)[0];
    assertInstanceOf(Set.class, keys);
    assertEquals(Set.of(1L, 2L, 3L, 4L), Set.copyOf((Collection<?>) keys));
  }

  @Test
  void aBatchedMissIsCachedLikeAnyOther() throws Throwable {
    assertEquals(owner(7), call(cachedDirectory, directory, "owner", 7L));
    assertEquals(owner(7), call(cachedDirectory, directory, "owner", 7L));

    assertEquals(1, delegate.calls("owners"));
    assertEquals(List.of(7L), keysOf(delegate.arguments("owners").get(0)[0]));
    assertInstanceOf(List.class, delegate.arguments("owners").get(0)[0], "a List parameter");
  }

  @Test
  void aKeyTheBulkMethodLeavesOutIsAnEmptyOptional() throws Throwable {
    assertEquals(Optional.empty(), call(cachedBulks, bulks, "maybeOwner", owner(100)));
    assertEquals(Optional.of(owner(8)), call(cachedBulks, bulks, "maybeOwner", owner(8)));
    assertEquals(2, delegate.calls("owners"));
  }

  // ---- the delegate's data ------------------------------------------------------------------

  private static Map<Object, Object> items(Collection<?> ids) throws ReflectiveOperationException {
    Map<Object, Object> found = new LinkedHashMap<>();
    for (Object id : ids) {
      if ((long) id < 100) {
        found.put(id, item((long) id));
      }
    }
    return found;
  }

  private static Map<Object, Object> owners(Collection<?> ids) throws ReflectiveOperationException {
    Map<Object, Object> found = new LinkedHashMap<>();
    for (Object id : ids) {
      if ((long) id < 100) {
        found.put(id, owner((long) id));
      }
    }
    return found;
  }

  /** Only the code {@code "a"} exists. */
  private static Map<Object, Object> codes(Collection<?> codes)
      throws ReflectiveOperationException {
    Map<Object, Object> found = new LinkedHashMap<>();
    if (codes.contains("a")) {
      found.put("a", item(1));
    }
    return found;
  }

  private static Object item(long id) throws ReflectiveOperationException {
    return classes
        .load("com.acme.Item")
        .getConstructor(long.class, String.class)
        .newInstance(id, "item " + id);
  }

  private static Object owner(long id) throws ReflectiveOperationException {
    return classes
        .load("com.acme.Owner")
        .getConstructor(long.class, String.class)
        .newInstance(id, id + "@example.com");
  }

  private static Map<Object, Object> ordered(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<Object> keysOf(Object collection) {
    return List.copyOf((Collection<?>) collection);
  }

  /** {@link #call} for a {@code Callable}, which may throw only exceptions. */
  private static Object callFromThread(Object decorator, Class<?> type, String name, Object... args)
      throws Exception {
    try {
      return call(decorator, type, name, args);
    } catch (Exception e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static Object call(Object decorator, Class<?> type, String name, Object... args)
      throws Throwable {
    Method method =
        Arrays.stream(type.getMethods())
            .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
            .findFirst()
            .orElseThrow();
    try {
      return method.invoke(decorator, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
