package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the shape of the generated code: each decorator must equal its golden file in {@code
 * src/test/resources/expected} character for character, formatting included.
 *
 * <p>After an intended change of the output, rewrite the goldens with {@code mvn -pl processor test
 * -Dtest=GoldenFilesTest -Dcachegen.updateGoldens=true} and review the diff.
 */
class GoldenFilesTest {
  private static final Path EXPECTED = Compilations.RESOURCES.resolve("expected");
  private static Compilation compilation;

  @BeforeAll
  static void compileGoodSources() {
    compilation = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.acme.CachedItemService",
        "com.acme.CachedItemService_Factory",
        "com.acme.catalog.CachedCatalog_Products_Factory",
        "com.acme.bulk.CachedDirectory",
        "com.acme.catalog.CachedCatalog_Products",
        "com.acme.catalog.CachedCatalog_Reader",
        "com.acme.conditions.CachedListings",
        "com.acme.fresh.CachedPrices",
        "com.acme.reactive.CachedFeeds",
        "com.acme.keys.CachedArrayKeys",
        "com.acme.shelf.CachedShelf",
        "com.acme.store.CachedInventory",
        "com.acme.tokens.CachedTokens",
        "com.acme.web.CachedStorefront"
      })
  void generatedSourceEqualsGolden(String decorator) throws IOException {
    String actual = Compilations.generatedSource(compilation, decorator);
    Path golden = EXPECTED.resolve(decorator.replace('.', '/') + ".java");
    if (Boolean.getBoolean("cachegen.updateGoldens")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
      return;
    }
    String expected = Files.readString(golden);
    if (!expected.equals(actual)) {
      fail(
          decorator
              + " differs from "
              + golden
              + " (rerun with -Dcachegen.updateGoldens=true if the change is intended)\n"
              + diff(expected, actual));
    }
  }

  /** The first differing line with some context, then the whole generated source. */
  static String diff(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    int line = 0;
    while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
      line++;
    }
    StringBuilder out = new StringBuilder("first difference at line " + (line + 1) + ":\n");
    for (int i = Math.max(0, line - 3); i < Math.min(Math.max(a.size(), b.size()), line + 4); i++) {
      String left = i < a.size() ? a.get(i) : "<end>";
      String right = i < b.size() ? b.get(i) : "<end>";
      out.append(left.equals(right) ? "   " : "-  ").append(left).append('\n');
      if (!left.equals(right)) {
        out.append("+  ").append(right).append('\n');
      }
    }
    return out.append("\n--- generated ---\n").append(actual).toString();
  }
}
