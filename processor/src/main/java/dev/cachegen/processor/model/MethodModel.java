package dev.cachegen.processor.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;

/** A method the decorator overrides: it delegates, caches, or writes and invalidates. */
public sealed interface MethodModel permits DelegatingMethod, CachedMethod, WritingMethod {

  /** The interface method (possibly inherited from a superinterface). */
  ExecutableElement element();

  /** The method's type as a member of the decorated interface, type arguments substituted. */
  ExecutableType type();
}
