package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles {@code good/com/acme/fun/Lookups.java}, wraps a counting delegate with the generated
 * decorator over an in-memory runtime, and checks what reaches the delegate.
 */
class DecoratorBehaviourTest {
  private static GeneratedClasses classes;
  private static Class<?> lookups;

  private final AtomicInteger counter = new AtomicInteger();
  private RecordingDelegate delegate;
  private CacheRuntime runtime;
  private Object decorator;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new GeneratedClasses(compilation);
    lookups = classes.load("com.acme.fun.Lookups");
  }

  @BeforeEach
  void decorate() throws ReflectiveOperationException {
    delegate =
        new RecordingDelegate()
            .answer("join", args -> args[0] + "|" + args[1] + "#" + counter.incrementAndGet())
            .answer("nullable", args -> null)
            .answer("notNull", args -> null)
            .answer(
                "maybe",
                args -> ((int) args[0]) > 0 ? Optional.of("v" + args[0]) : Optional.empty())
            .answer("later", args -> CompletableFuture.completedFuture("later " + args[0]))
            .answer("square", args -> (int) args[0] * (int) args[0])
            .answer("bytes", args -> args[0].toString().getBytes())
            .answer("greet", args -> "hello #" + counter.incrementAndGet())
            .answer("byUser", args -> "user #" + counter.incrementAndGet())
            .answer("plain", args -> "plain " + args[0])
            .answer("shout", args -> "SHOUT " + args[0])
            .answer("reset", args -> null);
    runtime = CacheRuntime.inMemory();
    Class<?> type = classes.load("com.acme.fun.CachedLookups");
    decorator =
        type.getConstructor(lookups, CacheRuntime.class)
            .newInstance(delegate.proxy(lookups), runtime);
  }

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void secondCallWithSameArgumentsIsAnsweredFromTheCache() throws Throwable {
    Object first = call("join", "a", "b");
    Object second = call("join", "a", "b");
    assertEquals(first, second);
    assertEquals(1, delegate.calls("join"));
  }

  @Test
  void differentArgumentsReachTheDelegate() throws Throwable {
    Object ab = call("join", "a:b", "c");
    Object bc = call("join", "a", "b:c");
    assertFalse(ab.equals(bc));
    call("join", "a", "b");
    call("join", "b", "a");
    assertEquals(4, delegate.calls("join"));
  }

  @Test
  void nullArgumentsAreKeysToo() throws Throwable {
    Object first = call("join", null, "x");
    assertEquals(first, call("join", null, "x"));
    call("join", "null", "x");
    assertEquals(2, delegate.calls("join"));
    Object greeting = call("greet", new Object[] {null});
    assertEquals(greeting, call("greet", new Object[] {null}));
    assertEquals(1, delegate.calls("greet"));
  }

  @Test
  void templateAccessorsAndRecordsFormTheKey() throws Throwable {
    Object ann = user("ann", 30);
    Object olderAnn = user("ann", 31);
    assertEquals(call("greet", ann), call("greet", olderAnn));
    assertEquals(1, delegate.calls("greet"));
    call("byUser", ann);
    call("byUser", user("ann", 30));
    call("byUser", olderAnn);
    assertEquals(2, delegate.calls("byUser"));
  }

  @Test
  void exceptionsPropagateUnchangedAndAreNotCached() throws Throwable {
    IOException failure = new IOException("down");
    delegate.answer(
        "load",
        args -> {
          throw failure;
        });
    assertSame(failure, assertThrows(IOException.class, () -> call("load", 1L)));
    assertSame(failure, assertThrows(IOException.class, () -> call("load", 1L)));
    assertEquals(2, delegate.calls("load"));
    IllegalStateException unchecked = new IllegalStateException("bad");
    delegate.answer(
        "load",
        args -> {
          throw unchecked;
        });
    assertSame(unchecked, assertThrows(IllegalStateException.class, () -> call("load", 1L)));
  }

  @Test
  void nullsAreCachedOnlyWhenAsked() throws Throwable {
    assertNull(call("nullable", "k"));
    assertNull(call("nullable", "k"));
    assertEquals(1, delegate.calls("nullable"));
    assertNull(call("notNull", "k"));
    assertNull(call("notNull", "k"));
    assertEquals(2, delegate.calls("notNull"));
  }

  @Test
  void optionalsAreCachedAsTheirValue() throws Throwable {
    assertEquals(Optional.of("v1"), call("maybe", 1));
    assertEquals(Optional.of("v1"), call("maybe", 1));
    assertEquals(1, delegate.calls("maybe"));
    assertEquals(Optional.empty(), call("maybe", 0));
    assertEquals(Optional.empty(), call("maybe", 0));
    assertEquals(3, delegate.calls("maybe"), "an empty optional is a null, not cached by default");
  }

  @Test
  void futuresAreCachedAsWhatTheyCompleteWith() throws Throwable {
    CompletableFuture<?> first = (CompletableFuture<?>) call("later", "x");
    assertEquals("later x", first.get());
    CompletableFuture<?> second = (CompletableFuture<?>) call("later", "x");
    assertEquals("later x", second.get());
    assertEquals(1, delegate.calls("later"));
  }

  @Test
  void primitivesAndArraysAreCached() throws Throwable {
    assertEquals(49, call("square", 7));
    assertEquals(49, call("square", 7));
    assertEquals(1, delegate.calls("square"));
    assertArrayEquals("id".getBytes(), (byte[]) call("bytes", "id"));
    assertArrayEquals("id".getBytes(), (byte[]) call("bytes", "id"));
    assertEquals(1, delegate.calls("bytes"));
  }

  @Test
  void unannotatedAndDefaultMethodsDelegateEveryTime() throws Throwable {
    assertEquals("plain a", call("plain", "a"));
    assertEquals("plain a", call("plain", "a"));
    assertEquals(2, delegate.calls("plain"));
    assertEquals("SHOUT a", call("shout", "a"));
    assertEquals(1, delegate.calls("shout"));
    call("reset");
    assertEquals(1, delegate.calls("reset"));
  }

  @Test
  void constructorRejectsNulls() throws Exception {
    Class<?> type = classes.load("com.acme.fun.CachedLookups");
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> type.getConstructor(lookups, CacheRuntime.class).newInstance(null, runtime));
    assertTrue(e.getCause() instanceof NullPointerException);
  }

  private Object user(String name, int age) throws ReflectiveOperationException {
    return classes
        .load("com.acme.fun.Lookups$User")
        .getConstructor(String.class, int.class)
        .newInstance(name, age);
  }

  /** Calls {@code name} on the decorator through the interface, unwrapping what it throws. */
  private Object call(String name, Object... args) throws Throwable {
    Method method =
        Arrays.stream(lookups.getMethods())
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
