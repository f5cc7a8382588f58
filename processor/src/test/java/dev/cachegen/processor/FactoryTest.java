package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.Decorators;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The factories next to the decorators and the one services index that {@link Decorators} reads:
 * every public interface of a compilation is listed in a single file, a package-private one gets no
 * factory, and a decorator found through the index caches like one built by hand.
 */
class FactoryTest {
  private static final JavaFileObject QUOTES =
      JavaFileObjects.forSourceLines(
          "shop.Quotes",
          "package shop;",
          "import dev.cachegen.annotations.Cached;",
          "public interface Quotes {",
          "  @Cached String quote(long id);",
          "}");
  private static final JavaFileObject PRICES =
      JavaFileObjects.forSourceLines(
          "shop.Prices",
          "package shop;",
          "import dev.cachegen.annotations.Cached;",
          "public interface Prices {",
          "  @Cached Long price(String sku);",
          "}");
  private static final JavaFileObject HIDDEN =
      JavaFileObjects.forSourceLines(
          "shop.Hidden",
          "package shop;",
          "import dev.cachegen.annotations.Cached;",
          "interface Hidden {",
          "  @Cached String secret(long id);",
          "}");

  @TempDir Path classes;

  @Test
  void oneIndexListsTheFactoryOfEveryPublicInterface() throws IOException {
    Compilation compilation = Compilations.strictJavac().compile(QUOTES, PRICES, HIDDEN);
    assertThat(compilation).succeededWithoutWarnings();

    assertEquals(
        List.of("shop.CachedPrices_Factory", "shop.CachedQuotes_Factory"), index(compilation));
    assertTrue(compilation.generatedSourceFile("shop.CachedHidden").isPresent());
    assertFalse(
        compilation.generatedSourceFile("shop.CachedHidden_Factory").isPresent(),
        "ServiceLoader instantiates public classes only");
  }

  @Test
  void noIndexWithoutAPublicInterface() {
    Compilation compilation = Compilations.strictJavac().compile(HIDDEN);
    assertThat(compilation).succeededWithoutWarnings();
    assertFalse(
        compilation.generatedFile(StandardLocation.CLASS_OUTPUT, ServiceIndex.PATH).isPresent());
  }

  @Test
  void decoratorsFindsTheFactoryAndTheDecoratorCaches() throws Exception {
    Compilation compilation = Compilations.strictJavac().compile(QUOTES, PRICES);
    assertThat(compilation).succeededWithoutWarnings();
    // A stale entry, as a partial build may leave: skipped, the other factories are still found.
    write(compilation, "shop.Gone_Factory\n");
    try (URLClassLoader loader =
            new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        CacheRuntime runtime = CacheRuntime.inMemory()) {
      Class<?> quotes = loader.loadClass("shop.Quotes");
      assertTrue(Decorators.hasDecorator(quotes));
      AtomicInteger calls = new AtomicInteger();
      Object delegate =
          java.lang.reflect.Proxy.newProxyInstance(
              loader,
              new Class<?>[] {quotes},
              (proxy, method, args) -> "quote " + args[0] + " #" + calls.incrementAndGet());
      Object decorated = decorate(quotes, delegate, runtime);
      assertNotSame(delegate, decorated);
      assertEquals("shop.CachedQuotes", decorated.getClass().getName());
      assertTrue(Decorators.isDecorator(quotes, decorated));
      assertFalse(Decorators.isDecorator(quotes, delegate));
      var quote = quotes.getMethod("quote", long.class);
      assertEquals("quote 7 #1", quote.invoke(decorated, 7L));
      assertEquals("quote 7 #1", quote.invoke(decorated, 7L));
      assertEquals(1, calls.get());
    }
  }

  @Test
  void aMissingDecoratorSaysHowToRunTheProcessor() {
    try (CacheRuntime runtime = CacheRuntime.inMemory()) {
      LongFunction<String> plain = id -> "x";
      assertFalse(Decorators.hasDecorator(LongFunction.class));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Decorators.decorate(LongFunction.class, plain, runtime));
      String message = e.getMessage();
      assertTrue(message.startsWith("No cachegen decorator found for java.util.function"), message);
      assertTrue(message.contains("<annotationProcessorPaths>"), message);
      assertTrue(
          message.contains("annotationProcessor(\"dev.cachegen:cachegen-processor:"), message);
      assertTrue(
          message.contains(
              "provides dev.cachegen.runtime.internal.DecoratorFactory with"
                  + " java.util.function.CachedLongFunction_Factory;"),
          message);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Object decorate(Class<T> type, Object delegate, CacheRuntime runtime) {
    return Decorators.decorate(type, (T) delegate, runtime);
  }

  private static List<String> index(Compilation compilation) throws IOException {
    JavaFileObject file =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, ServiceIndex.PATH)
            .orElseThrow(() -> new AssertionError("no services index"));
    return file.getCharContent(true).toString().lines().toList();
  }

  /** The compilation's classes and index under {@link #classes}, with {@code extra} entries. */
  private void write(Compilation compilation, String extra) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf("CLASS_OUTPUT/");
      if (at < 0) {
        continue;
      }
      Path target = classes.resolve(path.substring(at + "CLASS_OUTPUT/".length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
    }
    Path index = classes.resolve(ServiceIndex.PATH);
    Files.writeString(
        index, extra + Files.readString(index, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
