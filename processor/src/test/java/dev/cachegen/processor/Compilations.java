package dev.cachegen.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Test inputs from {@code src/test/resources} and compilers that run the processor on them. */
final class Compilations {
  /** The test resources, read from the source tree so goldens can be rewritten in place. */
  static final Path RESOURCES = Path.of("src/test/resources");

  /** Lint everything except notes about annotations no processor claims (we never claim). */
  static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

  private Compilations() {}

  /** Every source under {@code folder} (such as {@code good}), sorted by path. */
  static List<JavaFileObject> sources(String folder) {
    Path root = RESOURCES.resolve(folder);
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .map(p -> source(root, p))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One source, such as {@code bad/VoidReturn.java}. */
  static JavaFileObject source(String path) {
    Path file = RESOURCES.resolve(path);
    return source(file.getParent(), file);
  }

  private static JavaFileObject source(Path root, Path file) {
    // A file: URI, which the Eclipse compiler needs for its compilation units.
    try {
      return JavaFileObjects.forResource(file.toAbsolutePath().toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** javac with the processor and warnings as errors. */
  static Compiler strictJavac() {
    return javac().withProcessors(new CachingProcessor()).withOptions(STRICT);
  }

  /** javac with the processor, default options. */
  static Compiler plainJavac() {
    return javac().withProcessors(new CachingProcessor());
  }

  /** The text of the generated source {@code qualifiedName}. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
