package dev.cachegen.processor.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;

/**
 * A method without caching: the decorator calls the delegate and returns its answer.
 *
 * @param element the interface method
 * @param type the method's type as a member of the decorated interface
 */
public record DelegatingMethod(ExecutableElement element, ExecutableType type)
    implements MethodModel {}
