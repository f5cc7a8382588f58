package dev.cachegen.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/** Writes generated sources through the {@link Filer}. */
final class SourceFiles {
  private SourceFiles() {}

  /**
   * Writes {@code file} with {@code originating} as its only originating element (isolating
   * incremental processing). Trailing spaces are removed: JavaPoet leaves one after {@code =} when
   * an initializer starts on the next line, and generated code should be clean.
   */
  static void write(Filer filer, JavaFile file, TypeElement originating) throws IOException {
    String name =
        file.packageName().isEmpty()
            ? file.typeSpec().name()
            : file.packageName() + "." + file.typeSpec().name();
    String source = withoutTrailingSpaces(file.toString());
    JavaFileObject object = filer.createSourceFile(name, originating);
    try (Writer writer = object.openWriter()) {
      writer.write(source);
    }
  }

  /** {@code source} without spaces and tabs at the ends of its lines; one pass, no regex. */
  static String withoutTrailingSpaces(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int pending = 0; // spaces and tabs seen since the last other character, not yet copied
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == ' ' || c == '\t') {
        pending++;
        continue;
      }
      if (c != '\n' && c != '\r') {
        out.append(source, i - pending, i);
      }
      pending = 0;
      out.append(c);
    }
    return out.toString();
  }
}
