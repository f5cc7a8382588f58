package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.KeyPart;
import dev.cachegen.processor.model.TtlFromPath;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks {@code @Cached(ttlFrom = ...)}: one path in braces over {@code result}, the value as
 * cached, ending at an {@code Instant}, a {@code Duration} or epoch milliseconds ({@code long} or
 * {@code Long}); not with {@code sliding}.
 */
final class TtlFromResolver {
  private static final String TTL_FROM = "ttlFrom";
  private static final Set<String> TIME_TYPES =
      Set.of("java.time.Instant", "java.time.Duration", "java.lang.Long");

  private final Diagnostics diagnostics;
  private final KeyResolver keys;
  private final Accessors accessors;

  TtlFromResolver(Diagnostics diagnostics, KeyResolver keys, Accessors accessors) {
    this.diagnostics = diagnostics;
    this.keys = keys;
    this.accessors = accessors;
  }

  /**
   * The method's {@code ttlFrom} over a value of {@code valueType}: empty when not written, and
   * empty after reporting its errors (the caller counts errors).
   */
  Optional<TtlFromPath> resolve(
      ExecutableElement method, AnnotationAttributes cached, TypeMirror valueType) {
    String text = cached.string(TTL_FROM);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    AnnotationValue position = cached.written(TTL_FROM);
    String described = "ttlFrom \"" + text + "\"";
    if (cached.bool("sliding")) {
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.TTL_FROM_WITH_SLIDING,
          text,
          method.getSimpleName());
      return Optional.empty();
    }
    List<KeyTemplate.Segment> segments;
    try {
      segments = KeyTemplate.parse(text);
    } catch (KeyTemplate.SyntaxException e) {
      reportSyntax(method, cached, position, described, e.position(), e.getMessage());
      return Optional.empty();
    }
    if (segments.size() != 1 || !(segments.get(0) instanceof KeyTemplate.Placeholder placeholder)) {
      reportSyntax(
          method, cached, position, described, 0, "it must be one path in braces and nothing else");
      return Optional.empty();
    }
    String root = placeholder.path().get(0);
    if (!root.equals(TemplateScope.RESULT)) {
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.TTL_FROM_NOT_RESULT,
          described,
          method.getSimpleName(),
          root,
          "");
      return Optional.empty();
    }
    TemplateScope.Name result = new TemplateScope.Name(TemplateScope.RESULT, valueType, true);
    Optional<KeyPart.Value> path =
        keys.walk(
            method, cached, position, described, placeholder.path(), result, TemplateKind.TTL_FROM);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    TypeMirror type = path.get().type();
    if (!isTime(type)) {
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.TTL_FROM_TYPE,
          described,
          method.getSimpleName(),
          placeholder.text(),
          type,
          candidates(valueType));
      return Optional.empty();
    }
    return Optional.of(new TtlFromPath(text, path.get()));
  }

  private void reportSyntax(
      ExecutableElement method,
      AnnotationAttributes cached,
      AnnotationValue position,
      String described,
      int at,
      String detail) {
    diagnostics.error(
        method,
        cached.mirror(),
        position,
        Message.TTL_FROM_SYNTAX,
        described,
        method.getSimpleName(),
        at,
        detail);
  }

  private static boolean isTime(TypeMirror type) {
    if (type.getKind() == TypeKind.LONG) {
      return true;
    }
    return type instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement element
        && TIME_TYPES.contains(element.getQualifiedName().toString());
  }

  /** " Accessors of result that fit: {result.expiresAt}." when it has some; for hints. */
  private String candidates(TypeMirror valueType) {
    List<String> fitting =
        accessors.namesOn(valueType).stream()
            .filter(
                name ->
                    accessors
                        .resolve(valueType, name)
                        .map(r -> isTime(r.returnType()))
                        .orElse(false))
            .map(name -> "{result." + name + "}")
            .toList();
    return fitting.isEmpty()
        ? ""
        : " Accessors of result that fit: " + String.join(", ", fitting) + ".";
  }
}
