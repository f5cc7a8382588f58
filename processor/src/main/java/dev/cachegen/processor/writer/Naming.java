package dev.cachegen.processor.writer;

import dev.cachegen.processor.model.CachedMethod;
import dev.cachegen.processor.model.DecoratorModel;
import dev.cachegen.processor.model.HttpPolicy;
import dev.cachegen.processor.model.WritingMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
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

  /** The handler lambda's parameter: one queued call. */
  public static final String CALL = "call";

  private final Map<ExecutableElement, String> constants = new HashMap<>();
  private final Map<ExecutableElement, String> fields = new HashMap<>();
  private final Map<ExecutableElement, String> queueConstants = new HashMap<>();
  private final Map<ExecutableElement, String> queueFields = new HashMap<>();
  private final Map<ExecutableElement, String> callRecords = new HashMap<>();
  private final Map<ExecutableElement, String> httpConstants = new HashMap<>();
  private final Map<ExecutableElement, String> batchers = new HashMap<>();

  /**
   * Names the caches of {@code model}'s cached methods, then the queues of its write-behind
   * methods, then its HTTP policies, in declaration order.
   */
  public Naming(DecoratorModel model) {
    Set<String> usedConstants = new HashSet<>();
    Set<String> usedFields = new HashSet<>(Set.of(DELEGATE, RUNTIME));
    Set<String> usedTypes = new HashSet<>(model.simpleNames());
    usedTypes.add(decoratorName(model));
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
    for (CachedMethod method : model.cachedMethods()) {
      if (method.batching().isEmpty()) {
        continue;
      }
      String name = method.element().getSimpleName().toString();
      // Overloads: ownerBatcher, owner2Batcher.
      int n = 1;
      while (usedFields.contains(batcherName(name, n))) {
        n++;
      }
      usedFields.add(batcherName(name, n));
      batchers.put(method.element(), batcherName(name, n));
    }
    for (WritingMethod method : model.writingMethods()) {
      if (method.write().isEmpty() || !method.write().get().isBehind()) {
        continue;
      }
      String name = method.element().getSimpleName().toString();
      // Overloads: RENAME_WRITES, RENAME_WRITES_2 with renameWrites, rename2Writes, Rename2Call.
      int n = 1;
      while (usedConstants.contains(queueConstantName(name, n))
          || usedFields.contains(queueFieldName(name, n))
          || usedTypes.contains(callRecordName(name, n))) {
        n++;
      }
      usedConstants.add(queueConstantName(name, n));
      usedFields.add(queueFieldName(name, n));
      usedTypes.add(callRecordName(name, n));
      queueConstants.put(method.element(), queueConstantName(name, n));
      queueFields.put(method.element(), queueFieldName(name, n));
      callRecords.put(method.element(), callRecordName(name, n));
    }
    for (HttpPolicy policy : model.httpPolicies()) {
      String name = policy.element().getSimpleName().toString();
      // Overloads: FIND_HTTP, FIND_HTTP_2.
      int n = 1;
      while (usedConstants.contains(httpConstantName(name, n))) {
        n++;
      }
      usedConstants.add(httpConstantName(name, n));
      httpConstants.put(policy.element(), httpConstantName(name, n));
    }
  }

  /** The public {@code HttpCachePolicy} constant of {@code policy}: {@code FIND_HTTP}. */
  public String httpConstant(HttpPolicy policy) {
    return httpConstants.get(policy.element());
  }

  /** The {@code WriteBehindDefinition} constant of {@code method}: {@code RENAME_WRITES}. */
  public String queueConstant(WritingMethod method) {
    return queueConstants.get(method.element());
  }

  /** The {@code WriteBehindQueue} field of {@code method}: {@code renameWrites}. */
  public String queueField(WritingMethod method) {
    return queueFields.get(method.element());
  }

  /** The nested record of {@code method}'s queued calls: {@code RenameCall}. */
  public String callRecord(WritingMethod method) {
    return callRecords.get(method.element());
  }

  /**
   * How the body of {@code method} refers to the decorator field {@code field}: the bare name, or
   * {@code this.field} when a parameter has that name.
   */
  public static String reference(String field, ExecutableElement method) {
    return parameterNames(method).contains(field) ? "this." + field : field;
  }

  /** {@code CachedItemService} for {@code ItemService}, {@code CachedOuter_Inner} if nested. */
  public static String decoratorName(DecoratorModel model) {
    return "Cached" + String.join("_", model.simpleNames());
  }

  /**
   * The factory of {@code model}'s decorator, {@code CachedItemService_Factory}, listed in the
   * services index for {@code dev.cachegen.runtime.Decorators}.
   */
  public static String factoryName(DecoratorModel model) {
    return decoratorName(model) + "_Factory";
  }

  /** The factory's qualified name, as the services index lists it. */
  public static String qualifiedFactoryName(DecoratorModel model) {
    return model.packageName().isEmpty()
        ? factoryName(model)
        : model.packageName() + "." + factoryName(model);
  }

  /** The {@code CacheDefinition} constant of {@code method}: {@code BY_OWNER}. */
  public String constant(CachedMethod method) {
    return constants.get(method.element());
  }

  /** The {@code Cache} field of {@code method}: {@code byOwnerCache}. */
  public String cacheField(CachedMethod method) {
    return fields.get(method.element());
  }

  /** The {@code Batcher} field of a method with {@code batchWith}: {@code ownerBatcher}. */
  public String batcherField(CachedMethod method) {
    return batchers.get(method.element());
  }

  /**
   * How the body of {@code method} refers to its cache: the bare field, or {@code this.field} when
   * a parameter has the field's name.
   */
  public String cacheReference(CachedMethod method) {
    return reference(cacheField(method), method.element());
  }

  /** How the body of {@code method} refers to the field of the cache {@code cache} defines. */
  public String cacheReference(CachedMethod cache, ExecutableElement method) {
    return reference(cacheField(cache), method);
  }

  /**
   * The locals of a cached method body.
   *
   * @param key the in-process key
   * @param cached the entry found in the in-process tier
   * @param sharedKey the shared key
   * @param tags the tags of the entry
   * @param result what the delegate returned (in async methods: what its future completed with)
   * @param resultValue the value of a returned {@code Optional}
   */
  public record Locals(
      String key,
      String cached,
      String sharedKey,
      String tags,
      String result,
      String resultValue) {}

  /** Locals for {@code method} that no parameter shadows: {@code key}, else {@code cacheKey}... */
  public static Locals locals(ExecutableElement method) {
    Set<String> taken = new HashSet<>(parameterNames(method));
    String key = pick(taken, "key", "cacheKey");
    String cached = pick(taken, "cached", "cachedEntry");
    String sharedKey = pick(taken, "sharedKey", "sharedCacheKey");
    String tags = pick(taken, "tags", "entryTags");
    String result = pick(taken, "result", "delegateResult");
    String resultValue = pick(taken, "resultValue", "delegateResultValue");
    return new Locals(key, cached, sharedKey, tags, result, resultValue);
  }

  /**
   * The lambda parameters of a bulk method's body.
   *
   * @param element one key: the singular of the keys parameter's name ({@code ids} gives {@code
   *     id}), else {@code key}
   * @param missing the keys the delegate is asked for
   */
  public record BulkLocals(String element, String missing) {}

  /** Lambda parameters for the bulk method {@code method} that no parameter shadows. */
  public static BulkLocals bulkLocals(ExecutableElement method, String keysParameter) {
    return bulkLocals(parameterNames(method), keysParameter);
  }

  /** Lambda parameters for a bulk method whose parameters are named {@code parameters}. */
  static BulkLocals bulkLocals(List<String> parameters, String keysParameter) {
    Set<String> taken = new HashSet<>(parameters);
    String singular =
        keysParameter.length() > 1 && keysParameter.endsWith("s")
            ? keysParameter.substring(0, keysParameter.length() - 1)
            : "key";
    if (!SourceVersion.isIdentifier(singular) || SourceVersion.isKeyword(singular)) {
      singular = "key";
    }
    String element = pick(taken, singular, "key");
    String missing = pick(taken, "missing", "missingKeys");
    return new BulkLocals(element, missing);
  }

  /**
   * Names javac refuses for a record component: the no-argument methods of {@code Object}, which
   * the component's accessor would clash with.
   */
  private static final Set<String> FORBIDDEN_COMPONENTS =
      Set.of(
          "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  /**
   * The component names of the record of a queued call of {@code method}: its parameter names,
   * except that a name a record component may not take ({@code hashCode}, {@code wait}, ...) gets
   * {@code _} added until no other parameter has it. These names are the JSON fields of a queued
   * call; only names that did not compile before change.
   */
  public static List<String> callComponents(ExecutableElement method) {
    List<String> parameters = parameterNames(method);
    Set<String> taken = new HashSet<>(parameters);
    List<String> components = new ArrayList<>();
    for (String parameter : parameters) {
      if (FORBIDDEN_COMPONENTS.contains(parameter)) {
        components.add(pick(taken, parameter + "_", parameter + "_"));
      } else {
        components.add(parameter);
      }
    }
    return components;
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

  private static String queueConstantName(String method, int n) {
    return n == 1 ? upperSnake(method) + "_WRITES" : upperSnake(method) + "_WRITES_" + n;
  }

  private static String httpConstantName(String method, int n) {
    return n == 1 ? upperSnake(method) + "_HTTP" : upperSnake(method) + "_HTTP_" + n;
  }

  private static String batcherName(String method, int n) {
    return n == 1 ? method + "Batcher" : method + n + "Batcher";
  }

  private static String queueFieldName(String method, int n) {
    return n == 1 ? method + "Writes" : method + n + "Writes";
  }

  private static String callRecordName(String method, int n) {
    String capitalized = Character.toUpperCase(method.charAt(0)) + method.substring(1);
    return n == 1 ? capitalized + "Call" : capitalized + n + "Call";
  }

  private static List<String> parameterNames(ExecutableElement method) {
    return method.getParameters().stream().map(p -> p.getSimpleName().toString()).toList();
  }
}
