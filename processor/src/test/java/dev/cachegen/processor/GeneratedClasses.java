package dev.cachegen.processor;

import com.google.testing.compile.Compilation;
import dev.cachegen.runtime.CacheRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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

  /**
   * Calls the method {@code name} of {@code type} (the only one of that name) on {@code target},
   * throwing what it throws.
   */
  static Object call(Object target, Class<?> type, String name, Object... args) throws Throwable {
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)) {
        try {
          return method.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new AssertionError("no method " + name + " in " + type);
  }

  /** A new {@code decorator} of {@code type} over {@code delegate}'s proxy, as users build one. */
  Object decorate(String decorator, Class<?> type, RecordingDelegate delegate, CacheRuntime runtime)
      throws ReflectiveOperationException {
    return load(decorator)
        .getConstructor(type, CacheRuntime.class)
        .newInstance(delegate.proxy(type), runtime);
  }
}
