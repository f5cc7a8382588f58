package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The good inputs compile under the Eclipse compiler too, into the same source as with javac. */
class EclipseCompilerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.acme.CachedItemService",
        "com.acme.bulk.CachedBulks",
        "com.acme.bulk.CachedDirectory",
        "com.acme.catalog.CachedCatalog_Products",
        "com.acme.catalog.CachedCatalog_Reader",
        "com.acme.fresh.CachedPrices",
        "com.acme.fun.CachedLookups",
        "com.acme.fun.CachedEdits",
        "com.acme.fun.CachedEdits_Tagged",
        "com.acme.store.CachedInventory",
        "com.acme.web.CachedStorefront",
        "com.acme.web.CachedAccounts"
      })
  void generatesWhatJavacGenerates(String decorator) {
    Compilation eclipse =
        Compiler.compiler(new EclipseCompiler())
            .withProcessors(new CachingProcessor())
            .withOptions("-17")
            .compile(Compilations.sources("good"));
    assertThat(eclipse).succeeded();
    Compilation javac = Compilations.strictJavac().compile(Compilations.sources("good"));
    assertThat(javac).succeeded();

    assertEquals(
        Compilations.generatedSource(javac, decorator),
        Compilations.generatedSource(eclipse, decorator));
  }
}
