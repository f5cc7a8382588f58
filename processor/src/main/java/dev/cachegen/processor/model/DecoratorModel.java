package dev.cachegen.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * One decorator class to write: the interface it implements and every method it overrides.
 *
 * @param element the decorated interface, also the generated file's originating element
 * @param packageName the interface's package, where the decorator goes
 * @param simpleNames the interface's simple name and those of its enclosing types, outermost first
 *     ({@code [Outer, Inner]})
 * @param isPublic whether the interface is visible outside its package, so the decorator may be too
 * @param methods the methods to override, in declaration order, inherited ones after
 * @param httpPolicies the HTTP policies of the methods with an effective {@code @CacheControl}, in
 *     the order of {@code methods}
 * @param generatedVisible whether {@code javax.annotation.processing.Generated} can be named from
 *     the interface's module: a named module that does not read {@code java.compiler} cannot, and
 *     its decorator then goes without the annotation rather than fail to compile
 */
public record DecoratorModel(
    TypeElement element,
    String packageName,
    List<String> simpleNames,
    boolean isPublic,
    List<MethodModel> methods,
    List<HttpPolicy> httpPolicies,
    boolean generatedVisible) {

  /** Copies the lists. */
  public DecoratorModel {
    simpleNames = List.copyOf(simpleNames);
    methods = List.copyOf(methods);
    httpPolicies = List.copyOf(httpPolicies);
  }

  /** The methods that write or invalidate, in order. */
  public List<WritingMethod> writingMethods() {
    return methods.stream()
        .filter(WritingMethod.class::isInstance)
        .map(WritingMethod.class::cast)
        .toList();
  }

  /** The cached methods, in order. */
  public List<CachedMethod> cachedMethods() {
    return methods.stream()
        .filter(CachedMethod.class::isInstance)
        .map(CachedMethod.class::cast)
        .toList();
  }
}
