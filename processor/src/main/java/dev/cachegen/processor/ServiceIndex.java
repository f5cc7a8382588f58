package dev.cachegen.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The services index {@code META-INF/services/dev.cachegen.runtime.internal.DecoratorFactory}: one
 * file for the whole compilation, written once in the last round (the {@link Filer} refuses a
 * second file of the same name). Entries a previous, partial compilation left in the output are
 * kept while their factory class still exists, so an incremental build that compiles only some
 * interfaces does not drop the others.
 */
final class ServiceIndex {
  static final String PATH = "META-INF/services/dev.cachegen.runtime.internal.DecoratorFactory";

  private final Set<String> factories = new TreeSet<>();
  private final Set<TypeElement> originating = new java.util.LinkedHashSet<>();

  /** Adds the factory of {@code type}'s decorator. */
  void add(String factory, TypeElement type) {
    factories.add(factory);
    originating.add(type);
  }

  /**
   * Writes the file when any factory was added; sorted, so the same sources give the same bytes.
   */
  void write(Filer filer, Elements elements) throws IOException {
    if (factories.isEmpty()) {
      return;
    }
    Set<String> entries = new TreeSet<>(factories);
    for (String previous : previousEntries(filer)) {
      if (elements.getTypeElement(previous) != null) {
        entries.add(previous);
      }
    }
    FileObject file =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT, "", PATH, originating.toArray(TypeElement[]::new));
    try (Writer writer = file.openWriter()) {
      for (String entry : entries) {
        writer.write(entry);
        writer.write('\n');
      }
    }
  }

  private static Set<String> previousEntries(Filer filer) {
    Set<String> entries = new TreeSet<>();
    try {
      FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
        reader
            .lines()
            .map(line -> line.replaceFirst("#.*", "").trim())
            .filter(line -> !line.isEmpty())
            .forEach(entries::add);
      }
    } catch (IOException | IllegalArgumentException e) {
      // No index yet (a clean build), or the compiler offers no output to read: nothing to keep.
    }
    return entries;
  }
}
