package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.Accessor;
import dev.cachegen.processor.model.KeyPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * Turns the key of a {@code @Cached} method into {@link KeyPart}s: from its template, from its
 * {@code @CacheKey} parameters, or from all parameters. Every name is resolved and every value's
 * type checked here, so the generated code cannot fail to compile.
 */
final class KeyResolver {
  private final Diagnostics diagnostics;
  private final Accessors accessors;
  private final KeyPartTypes keyPartTypes;

  KeyResolver(Diagnostics diagnostics, Accessors accessors, KeyPartTypes keyPartTypes) {
    this.diagnostics = diagnostics;
    this.accessors = accessors;
    this.keyPartTypes = keyPartTypes;
  }

  /** The key parts, or empty after reporting errors. */
  Optional<List<KeyPart>> resolve(
      ExecutableElement method, ExecutableType type, CachedAnnotation cached) {
    String template = cached.string("key");
    List<VariableElement> marked =
        method.getParameters().stream()
            .filter(p -> AnnotationMirrors.has(p, AnnotationMirrors.CACHE_KEY))
            .map(p -> (VariableElement) p)
            .toList();
    if (!template.isEmpty()) {
      if (!marked.isEmpty()) {
        diagnostics.error(
            method,
            cached.mirror(),
            cached.written("key"),
            Message.KEY_WITH_CACHE_KEY,
            method.getSimpleName(),
            marked.get(0).getSimpleName());
        return Optional.empty();
      }
      return fromTemplate(method, type, cached, template);
    }
    List<KeyPart> parts = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      if (!marked.isEmpty() && !marked.contains(parameter)) {
        continue;
      }
      TypeMirror parameterType = type.getParameterTypes().get(i);
      Optional<KeyPart.Value> value =
          value(parameter.getSimpleName().toString(), parameterType, List.of(), parameterType);
      if (value.isPresent()) {
        parts.add(value.get());
      } else {
        ok = false;
        diagnostics.error(
            parameter,
            AnnotationMirrors.find(parameter, AnnotationMirrors.CACHE_KEY).orElse(null),
            Message.KEY_PART_TYPE_NOT_ALLOWED,
            "Parameter '" + parameter.getSimpleName() + "'",
            method.getSimpleName(),
            parameterType,
            parameter.getSimpleName());
      }
    }
    return ok ? Optional.of(parts) : Optional.empty();
  }

  private Optional<List<KeyPart>> fromTemplate(
      ExecutableElement method, ExecutableType type, CachedAnnotation cached, String template) {
    AnnotationValue position = cached.written("key");
    List<KeyTemplate.Segment> segments;
    try {
      segments = KeyTemplate.parse(template);
    } catch (KeyTemplate.SyntaxException e) {
      diagnostics.error(
          method,
          cached.mirror(),
          position,
          Message.KEY_TEMPLATE_SYNTAX,
          template,
          method.getSimpleName(),
          e.position(),
          e.getMessage());
      return Optional.empty();
    }
    List<String> parameterNames =
        method.getParameters().stream().map(p -> p.getSimpleName().toString()).toList();
    List<KeyPart> parts = new ArrayList<>();
    boolean ok = true;
    for (KeyTemplate.Segment segment : segments) {
      if (segment instanceof KeyTemplate.Text text) {
        parts.add(new KeyPart.Literal(text.text()));
        continue;
      }
      KeyTemplate.Placeholder placeholder = (KeyTemplate.Placeholder) segment;
      String parameter = placeholder.path().get(0);
      int index = parameterNames.indexOf(parameter);
      if (index < 0) {
        ok = false;
        diagnostics.error(
            method,
            cached.mirror(),
            position,
            Message.KEY_UNKNOWN_PARAMETER,
            template,
            method.getSimpleName(),
            parameter,
            parameterHint(parameter, parameterNames));
        continue;
      }
      Optional<KeyPart.Value> value =
          followPath(method, cached, template, placeholder, type.getParameterTypes().get(index));
      if (value.isPresent()) {
        parts.add(value.get());
      } else {
        ok = false;
      }
    }
    return ok ? Optional.of(parts) : Optional.empty();
  }

  private Optional<KeyPart.Value> followPath(
      ExecutableElement method,
      CachedAnnotation cached,
      String template,
      KeyTemplate.Placeholder placeholder,
      TypeMirror parameterType) {
    List<Accessor> chain = new ArrayList<>();
    TypeMirror current = parameterType;
    String walked = placeholder.path().get(0);
    for (String name : placeholder.path().subList(1, placeholder.path().size())) {
      Optional<Accessors.Resolved> resolved = accessors.resolve(current, name);
      if (resolved.isEmpty()) {
        List<String> existing = accessors.namesOn(current);
        String hint =
            existing.isEmpty()
                ? current + " has no accessors."
                : "Accessors of " + walked + ": " + String.join(", ", existing) + ".";
        Optional<String> closest = EditDistance.closest(name, existing);
        if (closest.isPresent()) {
          hint = "Did you mean '" + closest.get() + "'? " + hint;
        }
        diagnostics.error(
            method,
            cached.mirror(),
            cached.written("key"),
            Message.KEY_UNKNOWN_ACCESSOR,
            template,
            method.getSimpleName(),
            name,
            walked + " (" + current + ")",
            hint);
        return Optional.empty();
      }
      chain.add(
          new Accessor(
              resolved.get().method(), !resolved.get().returnType().getKind().isPrimitive()));
      current = resolved.get().returnType();
      walked = walked + "." + name;
    }
    Optional<KeyPart.Value> value = value(placeholder.path().get(0), parameterType, chain, current);
    if (value.isEmpty()) {
      diagnostics.error(
          method,
          cached.mirror(),
          cached.written("key"),
          Message.KEY_PART_TYPE_NOT_ALLOWED,
          "Key part {" + placeholder.text() + "}",
          method.getSimpleName(),
          current,
          placeholder.text());
    }
    return value;
  }

  /** A value of an allowed type, or empty when {@code type} cannot be a key part. */
  private Optional<KeyPart.Value> value(
      String parameter, TypeMirror parameterType, List<Accessor> chain, TypeMirror type) {
    boolean parameterIsReference = !parameterType.getKind().isPrimitive();
    if (keyPartTypes.isLeaf(type)) {
      return Optional.of(
          new KeyPart.Value(parameter, parameterIsReference, chain, type, List.of()));
    }
    return keyPartTypes
        .leafRecordComponents(type)
        .map(
            components ->
                new KeyPart.Value(parameter, parameterIsReference, chain, type, components));
  }

  private static String parameterHint(String name, List<String> parameters) {
    Optional<String> closest = EditDistance.closest(name, parameters);
    if (closest.isPresent()) {
      return " Did you mean '" + closest.get() + "'?";
    }
    return parameters.isEmpty()
        ? " The method has no parameters."
        : " Its parameters are: " + String.join(", ", parameters) + ".";
  }
}
