package dev.cachegen.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.cachegen.runtime.CacheRuntime;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's plain {@code javac -processorpath} line, run for real: the processor and JavaPoet on
 * the processor path, the annotations and runtime on the class path, no build tool.
 */
class PlainJavacTest {
  @TempDir Path work;

  private static String locationOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /**
   * The class-path root (jar or folder) holding a class, found by name: naming the processor's
   * class in this source would make javac read its AutoService annotation, absent here.
   */
  static String locationOf(String className) throws Exception {
    String resource = className.replace('.', '/') + ".class";
    URL url = PlainJavacTest.class.getClassLoader().getResource(resource);
    String text = url.toString();
    if (text.startsWith("jar:")) {
      return Path.of(new java.net.URI(text.substring(4, text.indexOf("!/")))).toString();
    }
    String folder = text.substring(0, text.length() - resource.length());
    return Path.of(new java.net.URI(folder)).toString();
  }

  @Test
  void javacWithTheProcessorPathGeneratesAndCompilesTheDecorator() throws Exception {
    Path source = work.resolve("src/shop/Quotes.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        String.join(
            "\n",
            "package shop;",
            "",
            "import dev.cachegen.annotations.Cached;",
            "",
            "public interface Quotes {",
            "  @Cached(key = \"quote:{id}\", ttl = \"1m\")",
            "  String quote(long id);",
            "}",
            ""));
    Path generated = work.resolve("generated");
    Path classes = work.resolve("classes");
    Files.createDirectories(generated);
    Files.createDirectories(classes);

    String processorPath =
        String.join(
            File.pathSeparator,
            locationOf("dev.cachegen.processor.CachingProcessor"),
            locationOf(JavaFile.class));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            null,
            errors,
            "-cp",
            System.getProperty("java.class.path"),
            "-processorpath",
            processorPath,
            "-s",
            generated.toString(),
            "-d",
            classes.toString(),
            source.toString());
    assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
    Path decorator = generated.resolve("shop/CachedQuotes.java");
    assertTrue(Files.exists(decorator), "no generated source at " + decorator);
    assertTrue(Files.readString(decorator).contains("public final class CachedQuotes"));

    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, PlainJavacTest.class.getClassLoader())) {
      Class<?> quotes = loader.loadClass("shop.Quotes");
      AtomicInteger calls = new AtomicInteger();
      Object delegate =
          Proxy.newProxyInstance(
              loader,
              new Class<?>[] {quotes},
              (proxy, method, args) -> "quote " + args[0] + " #" + calls.incrementAndGet());
      try (CacheRuntime runtime = CacheRuntime.inMemory()) {
        Object cached =
            loader
                .loadClass("shop.CachedQuotes")
                .getConstructor(quotes, CacheRuntime.class)
                .newInstance(delegate, runtime);
        Method quote = quotes.getMethod("quote", long.class);
        assertEquals("quote 7 #1", quote.invoke(cached, 7L));
        assertEquals("quote 7 #1", quote.invoke(cached, 7L), "the second call came from the cache");
        assertEquals(1, calls.get());
      }
    }
  }
}
