package dev.cachegen.runtime;

import dev.cachegen.runtime.internal.DecoratorFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the generated decorator of an interface, for dependency-injection containers and plain code
 * that should not name the generated class:
 *
 * <pre>{@code
 * ItemService items = Decorators.decorate(ItemService.class, new JdbcItemService(db), runtime);
 * }</pre>
 *
 * <p>The processor writes, next to each public decorator, a factory listed in {@code
 * META-INF/services/dev.cachegen.runtime.internal.DecoratorFactory}; this class reads that index
 * with {@link ServiceLoader} once per interface and then calls the factory, which calls the
 * decorator's constructor. Nothing on a call path uses reflection.
 *
 * <p>On the module path the application module declares the factories it provides: {@code provides
 * dev.cachegen.runtime.internal.DecoratorFactory with com.acme.CachedItemService_Factory;} (the
 * runtime module declares that it {@code uses} them).
 */
public final class Decorators {
  /** The factory of each interface asked for, or empty when there is none. */
  private static final ClassValue<Optional<DecoratorFactory<?, CacheRuntime>>> FACTORIES =
      new ClassValue<>() {
        @Override
        protected Optional<DecoratorFactory<?, CacheRuntime>> computeValue(Class<?> type) {
          return find(type);
        }
      };

  private Decorators() {}

  /**
   * Wraps {@code delegate} in the generated decorator of {@code type}, keeping its cached values in
   * {@code runtime}.
   *
   * @throws IllegalArgumentException when {@code type} has no generated decorator; the message says
   *     how to run the processor in Maven and Gradle
   */
  public static <T> T decorate(Class<T> type, T delegate, CacheRuntime runtime) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(runtime, "runtime");
    return factory(type)
        .orElseThrow(() -> new IllegalArgumentException(missing(type)))
        .decorate(delegate, runtime);
  }

  /** Whether {@code type} has a generated decorator that {@link #decorate} can find. */
  public static boolean hasDecorator(Class<?> type) {
    return type.isInterface() && FACTORIES.get(type).isPresent();
  }

  /**
   * Whether {@code instance} is already {@code type}'s generated decorator, so that a container
   * does not wrap it twice.
   */
  public static boolean isDecorator(Class<?> type, Object instance) {
    String pkg = type.getPackageName();
    String name = decoratorName(type);
    return instance.getClass().getName().equals(pkg.isEmpty() ? name : pkg + "." + name);
  }

  /** {@code CachedItemService} for {@code ItemService}, {@code CachedOuter_Inner} when nested. */
  private static String decoratorName(Class<?> type) {
    String pkg = type.getPackageName();
    String nested = type.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
    return "Cached" + nested.replace('$', '_');
  }

  @SuppressWarnings("unchecked") // find() keeps only a factory whose type() is the asked type
  private static <T> Optional<DecoratorFactory<T, CacheRuntime>> factory(Class<T> type) {
    return FACTORIES.get(type).map(f -> (DecoratorFactory<T, CacheRuntime>) f);
  }

  @SuppressWarnings({"rawtypes", "unchecked"}) // ServiceLoader of a generic service type
  private static Optional<DecoratorFactory<?, CacheRuntime>> find(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    ServiceLoader<DecoratorFactory> loaded =
        loader == null
            ? ServiceLoader.load(DecoratorFactory.class)
            : ServiceLoader.load(DecoratorFactory.class, loader);
    var providers = loaded.iterator();
    while (true) {
      DecoratorFactory factory;
      try {
        if (!providers.hasNext()) {
          return Optional.empty();
        }
        factory = providers.next();
      } catch (ServiceConfigurationError e) {
        // An entry whose class is gone (a stale index after a partial build): skip it, as the
        // interfaces it does not name are still found.
        continue;
      }
      if (factory.type() == type) {
        return Optional.of((DecoratorFactory<?, CacheRuntime>) factory);
      }
    }
  }

  private static String missing(Class<?> type) {
    String pkg = type.getPackageName();
    String decorator = decoratorName(type);
    return "No cachegen decorator found for "
        + type.getName()
        + ". The annotation processor writes "
        + decorator
        + " and its factory "
        + decorator
        + "_Factory when it runs on a public interface with cachegen annotations. Put it on the"
        + " annotation processor path: in Maven, maven-compiler-plugin <annotationProcessorPaths>"
        + "<path><groupId>dev.cachegen</groupId><artifactId>cachegen-processor</artifactId>"
        + "<version>...</version></path></annotationProcessorPaths>; in Gradle,"
        + " annotationProcessor(\"dev.cachegen:cachegen-processor:<version>\"). On the module path,"
        + " the application module must declare: provides"
        + " dev.cachegen.runtime.internal.DecoratorFactory with "
        + pkg
        + (pkg.isEmpty() ? "" : ".")
        + decorator
        + "_Factory;";
  }
}
