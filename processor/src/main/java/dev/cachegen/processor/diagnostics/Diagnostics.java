package dev.cachegen.processor.diagnostics;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors through the {@link Messager} at the most specific position known, and counts them
 * so a caller can tell whether a type had any. Reporting never stops processing: the validator
 * keeps going so that users see every mistake of an interface at once.
 */
public final class Diagnostics {
  private final Messager messager;
  private int errorCount;

  /** Reports through {@code messager}. */
  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** An error on an element. */
  public void error(Element element, Message message, Object... args) {
    error(element, null, null, message, args);
  }

  /** An error on an annotation of an element. */
  public void error(Element element, AnnotationMirror annotation, Message message, Object... args) {
    error(element, annotation, null, message, args);
  }

  /**
   * An error on one value of an annotation of an element. {@code annotation} and {@code value} may
   * be {@code null}; the compiler then points at the next broader position.
   */
  public void error(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Message message,
      Object... args) {
    errorCount++;
    String text = message.format(args);
    if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, text, element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, text, element, annotation);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, text, element, annotation, value);
    }
  }

  /** How many errors were reported so far; compare two readings to see if a step failed. */
  public int errorCount() {
    return errorCount;
  }
}
