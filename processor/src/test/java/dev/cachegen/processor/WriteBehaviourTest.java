package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles {@code good/com/acme/store/Inventory.java} and runs its decorator over an in-memory
 * runtime and a delegate that keeps stock in a map: writes, evictions and tags must be visible to
 * the next read, and failed writes must change nothing.
 */
class WriteBehaviourTest {
  private static GeneratedClasses classes;
  private static Class<?> inventory;
  private static Class<?> stockType;

  /** The delegate's "database". */
  private final Map<Long, Object> rows = new ConcurrentHashMap<>();

  private final List<Object[]> renames = new CopyOnWriteArrayList<>();
  private RecordingDelegate delegate;
  private CacheRuntime runtime;
  private Object decorator;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    inventory = classes.load("com.acme.store.Inventory");
    stockType = classes.load("com.acme.store.Inventory$Stock");
  }

  @BeforeEach
  void decorate() throws ReflectiveOperationException {
    delegate =
        new RecordingDelegate()
            .answer("find", args -> rows.get((Long) args[0]))
            .answer("byOwner", args -> byOwner((long) args[0]))
            .answer("create", args -> insert(args[0]))
            .answer("createAsync", args -> CompletableFuture.completedFuture(insert(args[0])))
            .answer("save", args -> rows.put(id(args[0]), args[0]))
            .answer(
                "rename",
                args -> {
                  renames.add(args);
                  return rows.put(id(args[0]), args[0]);
                })
            .answer("replaceAll", args -> null)
            .answer("delete", args -> rows.remove((Long) args[0]))
            .answer(
                "deleteByOwner",
                args -> {
                  rows.values().removeIf(s -> ownerId(s) == (long) args[0]);
                  return CompletableFuture.completedFuture(null);
                });
    runtime = CacheRuntime.inMemory();
    decorator = classes.decorate("com.acme.store.CachedInventory", inventory, delegate, runtime);
  }

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void writeThroughThenReadReturnsTheNewValueWithoutReadingTheDelegate() throws Throwable {
    Object created = call("create", draft(1, "apple"));
    assertEquals(created, call("find", id(created)));
    Object renamed = stock(id(created), 1, "pear", 3);
    call("save", renamed);
    assertEquals(renamed, call("find", id(created)));
    assertEquals(0, delegate.calls("find"), "both reads were answered from the cache");
  }

  @Test
  void aFailingDelegateWriteChangesNothingInTheCache() throws Throwable {
    Object apple = stock(1, 1, "apple", 1);
    rows.put(1L, apple);
    assertEquals(apple, call("find", 1L));
    IOException failure = new IOException("disk full");
    delegate.answer(
        "save",
        args -> {
          throw failure;
        });
    assertSame(failure, assertThrows(IOException.class, () -> call("save", stock(1, 1, "x", 0))));
    assertSame(failure, assertThrows(IOException.class, () -> call("save", stock(2, 1, "y", 0))));
    assertEquals(apple, call("find", 1L), "the cached value stays");
    assertEquals(null, call("find", 2L), "nothing was stored for the new key");
    assertEquals(2, delegate.calls("find"));
  }

  @Test
  void aFailedFutureChangesNothingInTheCache() throws Throwable {
    delegate.answer(
        "createAsync",
        args -> CompletableFuture.failedFuture(new IllegalStateException("rejected")));
    CompletableFuture<?> future = (CompletableFuture<?>) call("createAsync", draft(1, "apple"));
    assertTrue(future.isCompletedExceptionally());
    assertEquals(null, call("find", 1L));
    assertEquals(1, delegate.calls("find"));
  }

  @Test
  void asyncWriteThroughStoresWhatTheFutureCompletesWith() throws Throwable {
    Object created = ((CompletableFuture<?>) call("createAsync", draft(1, "apple"))).get();
    assertEquals(created, call("find", id(created)));
    assertEquals(0, delegate.calls("find"));
  }

  @Test
  void invalidateThenReadCallsTheDelegate() throws Throwable {
    rows.put(1L, stock(1, 1, "apple", 1));
    call("find", 1L);
    call("find", 1L);
    assertEquals(1, delegate.calls("find"));
    call("delete", 1L);
    assertEquals(null, call("find", 1L));
    assertEquals(2, delegate.calls("find"));
  }

  @Test
  void allEntriesEvictsEveryKeyOfTheCache() throws Throwable {
    rows.put(1L, stock(1, 1, "apple", 1));
    rows.put(2L, stock(2, 2, "pear", 1));
    call("byOwner", 1L);
    call("byOwner", 2L);
    call("byOwner", 2L);
    assertEquals(2, delegate.calls("byOwner"));
    call("delete", 9L);
    call("byOwner", 1L);
    call("byOwner", 2L);
    assertEquals(4, delegate.calls("byOwner"));
  }

  @Test
  void tagInvalidationDropsExactlyTheTaggedEntries() throws Throwable {
    rows.put(1L, stock(1, 1, "apple", 1));
    rows.put(2L, stock(2, 2, "pear", 1));
    call("byOwner", 1L);
    call("byOwner", 2L);
    ((CompletableFuture<?>) call("deleteByOwner", 1L)).get();
    assertEquals(List.of(), call("byOwner", 1L), "owner 1's entry was dropped");
    assertEquals(List.of(rows.get(2L)), call("byOwner", 2L));
    assertEquals(3, delegate.calls("byOwner"), "owner 2's entry was kept");
    call("create", draft(2, "plum"));
    call("byOwner", 2L);
    assertEquals(4, delegate.calls("byOwner"), "create invalidated owner 2's tag");
  }

  @Test
  void writtenEntriesCarryTheirTags() throws Throwable {
    List<Object> all = List.of(stock(5, 3, "fig", 1));
    call("replaceAll", 3L, all);
    assertEquals(all, call("byOwner", 3L));
    assertEquals(0, delegate.calls("byOwner"));
    ((CompletableFuture<?>) call("deleteByOwner", 3L)).get();
    call("byOwner", 3L);
    assertEquals(1, delegate.calls("byOwner"), "the written entry carried owner 3's tag");
  }

  @Test
  void writeBehindCachesAtOnceAndAppliesTheCallLater() throws Throwable {
    Object pear = stock(1, 1, "pear", 2);
    call("rename", pear, "typo");
    assertEquals(pear, call("find", 1L));
    assertEquals(0, delegate.calls("find"));
    runtime.close();
    assertEquals(1, delegate.calls("rename"));
    assertEquals(List.of(pear, "typo"), Arrays.asList(renames.get(0)));
    assertEquals(pear, rows.get(1L));
  }

  @Test
  void writeBehindCoalescesQueuedWritesOfOneKey() throws Throwable {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    delegate.answer(
        "rename",
        args -> {
          renames.add(args);
          if (renames.size() == 1) {
            entered.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
          }
          return rows.put(id(args[0]), args[0]);
        });
    call("rename", stock(1, 1, "v1", 0), "first");
    assertTrue(entered.await(10, TimeUnit.SECONDS), "the first call reached the delegate");
    List<Object> later = new ArrayList<>();
    for (int version = 2; version <= 5; version++) {
      Object stock = stock(1, 1, "v" + version, 0);
      later.add(stock);
      call("rename", stock, "again");
    }
    call("rename", stock(2, 1, "other", 0), "other key");
    assertEquals(later.get(3), call("find", 1L), "the cache has the latest value at once");
    release.countDown();
    runtime.close();
    List<Object> applied = renames.stream().map(args -> args[0]).toList();
    assertEquals(List.of(stock(1, 1, "v1", 0), later.get(3), stock(2, 1, "other", 0)), applied);
    assertEquals(later.get(3), rows.get(1L));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Object insert(Object draft) throws ReflectiveOperationException {
    long id = rows.size() + 1;
    Object stock =
        stock(id, (long) accessor(draft, "ownerId"), (String) accessor(draft, "name"), 0);
    rows.put(id, stock);
    return stock;
  }

  private List<Object> byOwner(long ownerId) {
    return rows.values().stream().filter(s -> ownerId(s) == ownerId).toList();
  }

  private static Object stock(long id, long ownerId, String name, int count)
      throws ReflectiveOperationException {
    return stockType
        .getConstructor(long.class, long.class, String.class, int.class)
        .newInstance(id, ownerId, name, count);
  }

  private static Object draft(long ownerId, String name) throws ReflectiveOperationException {
    return classes
        .load("com.acme.store.Inventory$Draft")
        .getConstructor(long.class, String.class)
        .newInstance(ownerId, name);
  }

  private static long id(Object stock) {
    return (long) accessor(stock, "id");
  }

  private static long ownerId(Object stock) {
    return (long) accessor(stock, "ownerId");
  }

  private static Object accessor(Object record, String name) {
    try {
      return record.getClass().getMethod(name).invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls {@code name} on the decorator through the interface, unwrapping what it throws. */
  private Object call(String name, Object... args) throws Throwable {
    Method method =
        Arrays.stream(inventory.getMethods())
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
