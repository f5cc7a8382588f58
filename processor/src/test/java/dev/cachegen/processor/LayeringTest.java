package dev.cachegen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the layers apart: validation knows nothing of how code is written, writers never report,
 * and the model depends on neither.
 */
class LayeringTest {
  private static final Path MAIN = Path.of("src/main/java/dev/cachegen/processor");

  @Test
  void validationNeverImportsJavaPoet() throws IOException {
    assertEquals(List.of(), filesImporting("validation", "import com.palantir.javapoet"));
  }

  @Test
  void writersNeverReport() throws IOException {
    assertEquals(
        List.of(), filesImporting("writer", "import javax.annotation.processing.Messager"));
    assertEquals(List.of(), filesImporting("writer", "import dev.cachegen.processor.diagnostics"));
  }

  @Test
  void modelDependsOnNoOtherLayer() throws IOException {
    assertEquals(List.of(), filesImporting("model", "import com.palantir.javapoet"));
    assertEquals(List.of(), filesImporting("model", "import javax.annotation.processing"));
    assertEquals(List.of(), filesImporting("model", "import dev.cachegen.processor."));
  }

  private static List<Path> filesImporting(String layer, String importPrefix) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN.resolve(layer))) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> read(p).lines().anyMatch(line -> line.startsWith(importPrefix)))
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
