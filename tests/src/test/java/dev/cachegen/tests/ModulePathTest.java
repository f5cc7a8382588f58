package dev.cachegen.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.palantir.javapoet.JavaFile;
import dev.cachegen.annotations.Cached;
import dev.cachegen.runtime.CacheRuntime;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import redis.clients.jedis.RedisClient;

/**
 * An application module on the module path, as JPMS users run it: its generated decorator reaches
 * the runtime through the exported packages alone, and the runtime's internals stay out of reach.
 */
class ModulePathTest {
  @TempDir Path work;

  @Test
  void aModularApplicationRunsItsDecoratorAndCannotReachTheInternals() throws Exception {
    Path src = work.resolve("src");
    // What a modular application writes so that Decorators finds its generated factories: the
    // index under META-INF/services is not read for named modules.
    write(
        src.resolve("module-info.java"),
        "module shop {",
        "  requires dev.cachegen.runtime;",
        "  provides dev.cachegen.runtime.internal.DecoratorFactory with shop.CachedQuotes_Factory;",
        "}");
    write(
        src.resolve("shop/Quotes.java"),
        "package shop;",
        "import dev.cachegen.annotations.Cached;",
        "public interface Quotes {",
        "  @Cached(key = \"quote:{id}\", ttl = \"1m\")",
        "  String quote(long id);",
        "}");
    write(
        src.resolve("shop/Main.java"),
        "package shop;",
        "import dev.cachegen.runtime.CacheRuntime;",
        "public final class Main {",
        "  public static void main(String[] args) {",
        "    int[] calls = new int[1];",
        "    try (CacheRuntime runtime = CacheRuntime.inMemory()) {",
        "      Quotes quotes = new CachedQuotes(id -> \"quote \" + id + \" #\" + ++calls[0], runtime);",
        "      System.out.println(quotes.quote(7) + \" / \" + quotes.quote(7) + \" / \" + calls[0]);",
        "      Quotes found = dev.cachegen.runtime.Decorators.decorate(",
        "          Quotes.class, id -> \"found \" + id + \" #\" + ++calls[0], runtime);",
        "      System.out.println(found.quote(8) + \" / \" + found.quote(8) + \" / \" + calls[0]);",
        "    }",
        "  }",
        "}");
    Path classes = work.resolve("classes");
    String modulePath = modulePath();

    String errors = javac(modulePath, classes, src, "shop/Quotes.java", "shop/Main.java");
    assertEquals("", errors);
    assertTrue(Files.exists(classes.resolve("shop/CachedQuotes.class")), "decorator compiled");
    // The module does not read java.compiler, so the decorator goes without @Generated.
    String decorator = Files.readString(work.resolve("generated-classes/shop/CachedQuotes.java"));
    assertTrue(!decorator.contains("@Generated"), decorator);

    Process run =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                classes + File.pathSeparator + modulePath,
                "-m",
                "shop/shop.Main")
            .redirectErrorStream(true)
            .start();
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the application did not end");
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, run.exitValue(), output);
    assertTrue(
        output.lines().anyMatch("quote 7 #1 / quote 7 #1 / 1"::equals),
        "the second call came from the cache: " + output);
    assertTrue(
        output.lines().anyMatch("found 8 #2 / found 8 #2 / 2"::equals),
        "Decorators found the factory the module provides: " + output);

    // The same application naming an internal class does not compile.
    write(
        src.resolve("shop/Peek.java"),
        "package shop;",
        "final class Peek { dev.cachegen.runtime.tier.TieredCache<String> cache; }");
    String denied =
        javac(modulePath, work.resolve("denied"), src, "shop/Quotes.java", "shop/Peek.java");
    assertNotEquals("", denied);
    assertTrue(
        denied.contains("package dev.cachegen.runtime.tier is not visible")
            || denied.contains("does not export dev.cachegen.runtime.tier"),
        denied);
  }

  /** The runtime, the annotations and what the runtime requires, as modules. */
  private static String modulePath() throws Exception {
    List<Class<?>> roots =
        List.of(
            CacheRuntime.class,
            Cached.class,
            Caffeine.class,
            RedisClient.class,
            ObjectMapper.class,
            JsonParser.class,
            JsonProperty.class,
            JavaTimeModule.class,
            Jdk8Module.class,
            SmileFactory.class,
            CBORFactory.class,
            Logger.class);
    StringBuilder path = new StringBuilder();
    for (Class<?> root : roots) {
      if (path.length() > 0) {
        path.append(File.pathSeparator);
      }
      path.append(Path.of(root.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    return path.toString();
  }

  /** Compiles the module with the processor; returns javac's errors, empty when it succeeded. */
  private String javac(String modulePath, Path classes, Path src, String... files)
      throws Exception {
    Files.createDirectories(classes);
    Path generated = Files.createDirectories(work.resolve("generated-" + classes.getFileName()));
    String processorPath =
        String.join(
            File.pathSeparator,
            PlainJavacTest.locationOf("dev.cachegen.processor.CachingProcessor"),
            Path.of(JavaFile.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
    List<String> arguments =
        new java.util.ArrayList<>(
            List.of(
                "--module-path",
                modulePath,
                "--processor-path",
                processorPath,
                "-s",
                generated.toString(),
                "-d",
                classes.toString(),
                src.resolve("module-info.java").toString()));
    for (String file : files) {
      arguments.add(src.resolve(file).toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = compiler.run(null, null, errors, arguments.toArray(String[]::new));
    String text = errors.toString(StandardCharsets.UTF_8);
    return status == 0 ? "" : text.isEmpty() ? "javac failed with status " + status : text;
  }

  private static void write(Path file, String... lines) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }
}
