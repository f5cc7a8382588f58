package dev.cachegen.processor;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes of a compile-testing compilation from memory. */
final class GeneratedClasses extends ClassLoader {
  private static final String CLASS_OUTPUT = "CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();

  GeneratedClasses(Compilation compilation) {
    super(GeneratedClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String name = path.substring(path.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length());
      try (InputStream in = file.openInputStream()) {
        classes.put(name.replace(".class", "").replace('/', '.'), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  Class<?> load(String name) {
    try {
      return loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** A new {@code decorator} of {@code type} over {@code delegate}'s proxy, as users build one. */
  Object decorate(String decorator, Class<?> type, RecordingDelegate delegate, CacheRuntime runtime)
      throws ReflectiveOperationException {
    return load(decorator)
        .getConstructor(type, CacheRuntime.class)
        .newInstance(delegate.proxy(type), runtime);
  }
}
