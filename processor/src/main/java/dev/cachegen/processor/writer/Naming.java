package dev.cachegen.processor.writer;

import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.DecoratorModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Every name the generated code introduces, so that names are consistent across the writer's parts
 * and never clash: with each other, with overloaded methods, or with the parameter names a user
 * happened to choose.
 */
public final class Naming {
  /** The decorator's field holding the wrapped implementation. */
  public static final String DELEGATE = "delegate";

  /** The constructor parameter holding the runtime. */
  public static final String RUNTIME = "runtime";

  private final Map<ExecutableElement, String> constants = new HashMap<>();
  private final Map<ExecutableElement, String> fields = new HashMap<>();

  /** Names the caches of {@code model}'s cached methods, in declaration order. */
  public Naming(DecoratorModel model) {
    Set<String> usedConstants = new HashSet<>();
    Set<String> usedFields = new HashSet<>(Set.of(DELEGATE));
    for (CachedMethod method : model.cachedMethods()) {
      String name = method.element().getSimpleName().toString();
      // Overloads: FIND, FIND_2, FIND_3 and findCache, find2Cache, find3Cache.
      int n = 1;
      while (usedConstants.contains(constantName(name, n))
          || usedFields.contains(fieldName(name, n))) {
        n++;
      }
      usedConstants.add(constantName(name, n));
      usedFields.add(fieldName(name, n));
      constants.put(method.element(), constantName(name, n));
      fields.put(method.element(), fieldName(name, n));
    }
  }

  /** {@code CachedItemService} for {@code ItemService}, {@code CachedOuter_Inner} if nested. */
  public static String decoratorName(DecoratorModel model) {
    return "Cached" + String.join("_", model.simpleNames());
  }

  /** The {@code CacheDefinition} constant of {@code method}: {@code BY_OWNER}. */
  public String constant(CachedMethod method) {
    return constants.get(method.element());
  }

  /** The {@code TieredCache} field of {@code method}: {@code byOwnerCache}. */
  public String cacheField(CachedMethod method) {
    return fields.get(method.element());
  }

  /**
   * How the body of {@code method} refers to its cache: the bare field, or {@code this.field} when
   * a parameter has the field's name.
   */
  public String cacheReference(CachedMethod method) {
    String field = cacheField(method);
    return parameterNames(method.element()).contains(field) ? "this." + field : field;
  }

  /**
   * The locals of a cached method body.
   *
   * @param key the in-process key
   * @param cached the entry found in the in-process tier
   * @param sharedKey the shared key
   */
  public record Locals(String key, String cached, String sharedKey) {}

  /** Locals for {@code method} that no parameter shadows: {@code key}, else {@code cacheKey}... */
  public static Locals locals(ExecutableElement method) {
    Set<String> taken = new HashSet<>(parameterNames(method));
    String key = pick(taken, "key", "cacheKey");
    String cached = pick(taken, "cached", "cachedEntry");
    String sharedKey = pick(taken, "sharedKey", "sharedCacheKey");
    return new Locals(key, cached, sharedKey);
  }

  /** The first candidate not taken, else the last one with {@code _} added until it is free. */
  private static String pick(Set<String> taken, String preferred, String fallback) {
    String name = preferred;
    if (taken.contains(name)) {
      name = fallback;
      while (taken.contains(name)) {
        name = name + "_";
      }
    }
    taken.add(name);
    return name;
  }

  /** {@code byOwner} becomes {@code BY_OWNER}; {@code findURL} becomes {@code FIND_URL}. */
  public static String upperSnake(String camel) {
    StringBuilder snake = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      boolean boundary =
          i > 0
              && Character.isUpperCase(c)
              && (Character.isLowerCase(camel.charAt(i - 1))
                  || Character.isDigit(camel.charAt(i - 1))
                  || (i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1))));
      if (boundary && camel.charAt(i - 1) != '_') {
        snake.append('_');
      }
      snake.append(Character.toUpperCase(c));
    }
    return snake.toString().toUpperCase(Locale.ROOT);
  }

  private static String constantName(String method, int n) {
    return n == 1 ? upperSnake(method) : upperSnake(method) + "_" + n;
  }

  private static String fieldName(String method, int n) {
    return n == 1 ? method + "Cache" : method + n + "Cache";
  }

  private static List<String> parameterNames(ExecutableElement method) {
    return method.getParameters().stream().map(p -> p.getSimpleName().toString()).toList();
  }
}
