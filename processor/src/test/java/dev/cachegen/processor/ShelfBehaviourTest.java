package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.testing.Await;
import dev.cachegen.testing.RedisExtension;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, item 5: compiles {@code good/com/acme/shelf/Shelf.java} and runs its decorator on
 * memory and on a real Redis. A write inherits its cache's constant tag (so invalidating the tag
 * drops the written entry), {@code @CacheKey} picks a write's and an invalidation's key, and a
 * write-behind method whose parameters are named {@code hashCode} and {@code wait} queues and
 * applies its calls with every argument intact.
 */
class ShelfBehaviourTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  private static GeneratedClasses classes;
  private static Class<?> shelf;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    shelf = classes.load("com.acme.shelf.Shelf");
  }

  static Stream<Arguments> tiers() {
    return Tiers.memoryAndRedis(redis);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void aWriteInheritsTheConstantTagAndKeysByCacheKey(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = classes.decorate("com.acme.shelf.CachedShelf", shelf, delegate, runtime);
      Object written = product(7, "written", 1);
      call(cached, "save", 7L, written, "a note that is not part of the key");
      assertEquals(written, call(cached, "find", 7L), "stored under @CacheKey id alone");
      assertEquals(0, delegate.calls("find"));

      runtime.invalidateTags("products");
      assertEquals(
          product(7, "loaded", 0), call(cached, "find", 7L), "the inherited tag dropped it");
      assertEquals(1, delegate.calls("find"));

      call(cached, "delete", 7L, "a reason that is not part of the key");
      call(cached, "find", 7L);
      assertEquals(2, delegate.calls("find"), "@Invalidate evicted the @CacheKey id");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void aWriteDeclaringOnlyTheTemplatedTagCarriesBoth(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = classes.decorate("com.acme.shelf.CachedShelf", shelf, delegate, runtime);
      List<Object> all = List.of(product(1, "a", 5));
      call(cached, "replace", 5L, all);
      assertEquals(all, call(cached, "byOwner", 5L));
      assertEquals(0, delegate.calls("byOwner"));
      runtime.invalidateTags("products");
      call(cached, "byOwner", 5L);
      assertEquals(1, delegate.calls("byOwner"), "the constant tag was inherited");

      call(cached, "replace", 6L, all);
      runtime.invalidateTags("owner:[6]");
      call(cached, "byOwner", 6L);
      assertEquals(2, delegate.calls("byOwner"), "the declared templated tag is carried too");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tiers")
  void parametersNamedLikeObjectMethodsAreQueuedIntact(String tier, Supplier<CacheRuntime> runtimes)
      throws Throwable {
    RecordingDelegate delegate = delegate();
    try (CacheRuntime runtime = runtimes.get()) {
      Object cached = classes.decorate("com.acme.shelf.CachedShelf", shelf, delegate, runtime);
      Object product = product(9, "later", 2);
      call(cached, "saveLater", product, "h", 42, "h_");
      assertEquals(product, call(cached, "find", 9L));
      Await.until("the queued call reaches the delegate", () -> delegate.calls("saveLater") == 1);
      assertArrayEquals(
          new Object[] {product, "h", 42, "h_"}, delegate.arguments("saveLater").get(0));
    }
  }

  private static RecordingDelegate delegate() {
    return new RecordingDelegate()
        .answer("find", args -> product((long) args[0], "loaded", 0))
        .answer("byOwner", args -> List.of())
        .answer("save", args -> null)
        .answer("replace", args -> null)
        .answer("saveLater", args -> null)
        .answer("delete", args -> null);
  }

  private static Object product(long id, String name, long ownerId) {
    try {
      return classes
          .load("com.acme.shelf.Shelf$Product")
          .getConstructor(long.class, String.class, long.class)
          .newInstance(id, name, ownerId);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object call(Object target, String name, Object... args) throws Throwable {
    return GeneratedClasses.call(target, shelf, name, args);
  }
}
