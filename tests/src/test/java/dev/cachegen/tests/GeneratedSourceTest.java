package dev.cachegen.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.tests.fixtures.CachedCatalog;
import dev.cachegen.tests.fixtures.Catalog;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The decorator Maven generated is the readable, reflection-free class the README promises. */
class GeneratedSourceTest {
  private static final Path SOURCE =
      Path.of(
          "target/generated-test-sources/test-annotations/dev/cachegen/tests/fixtures/CachedCatalog.java");

  @Test
  void theSourceIsWhereUsersLookAndReadsLikeHandWrittenCode() throws Exception {
    assertTrue(Files.exists(SOURCE), SOURCE.toAbsolutePath() + " is missing");
    String source = Files.readString(SOURCE);
    assertTrue(source.contains("@Generated(\"dev.cachegen.processor.CachingProcessor\")"));
    assertTrue(source.contains("public final class CachedCatalog implements Catalog"));
    assertTrue(source.contains("{@link Catalog#item(long)}"), "links back to the interface");
    assertFalse(source.contains("java.lang.reflect"), "no reflection");
    assertFalse(source.contains("getMethod("), "no reflection");
  }

  @Test
  void theDecoratorIsAFinalPublicClassWithTheDocumentedConstructor() throws Exception {
    assertTrue(Modifier.isFinal(CachedCatalog.class.getModifiers()));
    assertTrue(Modifier.isPublic(CachedCatalog.class.getModifiers()));
    CachedCatalog.class.getConstructor(Catalog.class, dev.cachegen.runtime.CacheRuntime.class);
  }
}
