package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.Accessor;
import dev.cachegen.processor.model.KeyPart;
import dev.cachegen.processor.model.TagTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * Turns keys and tags into {@link KeyPart}s: from templates, from {@code @CacheKey} parameters, or
 * from all parameters. Every name is resolved and every value's type checked here, so the generated
 * code cannot fail to compile.
 */
final class KeyResolver {
  private static final String CACHED_NO_RESULT =
      "A @Cached template is resolved before the delegate runs, so it cannot name the result.";

  private final Diagnostics diagnostics;
  private final Accessors accessors;
  private final KeyPartTypes keyPartTypes;

  KeyResolver(Diagnostics diagnostics, Accessors accessors, KeyPartTypes keyPartTypes) {
    this.diagnostics = diagnostics;
    this.accessors = accessors;
    this.keyPartTypes = keyPartTypes;
  }

  /** The scope of {@code @Cached} templates: the parameters. */
  static TemplateScope cachedScope(ExecutableElement method, ExecutableType type) {
    return TemplateScope.parameters(method, type, CACHED_NO_RESULT);
  }

  /** The key parts of a {@code @Cached} method, or empty after reporting errors. */
  Optional<List<KeyPart>> resolve(
      ExecutableElement method, ExecutableType type, AnnotationAttributes cached) {
    String template = cached.string("key");
    List<VariableElement> marked = marked(method);
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
      return template(
          method,
          cachedScope(method, type),
          cached,
          cached.written("key"),
          template,
          TemplateKind.KEY);
    }
    return parameters(method, type, p -> marked.isEmpty() || marked.contains(p));
  }

  /**
   * The key of a write or an invalidation: its {@code key} template, else the parameters marked
   * {@code @CacheKey}, else every parameter except {@code excluded} (the stored value), in order.
   * Empty after reporting errors.
   */
  Optional<List<KeyPart>> key(
      ExecutableElement method,
      ExecutableType type,
      TemplateScope scope,
      AnnotationAttributes annotation,
      Optional<String> excluded) {
    String template = annotation.string("key");
    List<VariableElement> marked = marked(method);
    if (!template.isEmpty()) {
      if (!marked.isEmpty()) {
        diagnostics.error(
            method,
            annotation.mirror(),
            annotation.written("key"),
            Message.KEY_WITH_CACHE_KEY,
            method.getSimpleName(),
            marked.get(0).getSimpleName());
        return Optional.empty();
      }
      return template(
          method, scope, annotation, annotation.written("key"), template, TemplateKind.KEY);
    }
    if (!marked.isEmpty()) {
      return parameters(method, type, marked::contains);
    }
    return parameters(
        method, type, p -> excluded.isEmpty() || !p.getSimpleName().contentEquals(excluded.get()));
  }

  private static List<VariableElement> marked(ExecutableElement method) {
    return method.getParameters().stream()
        .filter(p -> AnnotationMirrors.has(p, AnnotationMirrors.CACHE_KEY))
        .map(p -> (VariableElement) p)
        .toList();
  }

  /** The tag templates of {@code attribute}, in order, or empty after reporting errors. */
  Optional<List<TagTemplate>> tags(
      ExecutableElement method,
      TemplateScope scope,
      AnnotationAttributes annotation,
      String attribute) {
    List<String> templates = annotation.strings(attribute);
    List<TagTemplate> tags = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < templates.size(); i++) {
      String template = templates.get(i);
      Optional<List<KeyPart>> parts =
          template(
              method,
              scope,
              annotation,
              annotation.writtenElement(attribute, i),
              template,
              TemplateKind.TAG);
      if (parts.isPresent()) {
        tags.add(new TagTemplate(template, parts.get()));
      } else {
        ok = false;
      }
    }
    return ok ? Optional.of(tags) : Optional.empty();
  }

  private Optional<List<KeyPart>> parameters(
      ExecutableElement method, ExecutableType type, Predicate<VariableElement> included) {
    List<KeyPart> parts = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      if (!included.test(parameter)) {
        continue;
      }
      TypeMirror parameterType = type.getParameterTypes().get(i);
      Optional<KeyPart.Value> value =
          value(
              parameter.getSimpleName().toString(),
              false,
              parameterType,
              List.of(),
              parameterType,
              true);
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

  private Optional<List<KeyPart>> template(
      ExecutableElement method,
      TemplateScope scope,
      AnnotationAttributes annotation,
      AnnotationValue position,
      String template,
      TemplateKind kind) {
    List<KeyTemplate.Segment> segments;
    try {
      segments = KeyTemplate.parse(template);
    } catch (KeyTemplate.SyntaxException e) {
      diagnostics.error(
          method,
          annotation.mirror(),
          position,
          kind.syntax,
          template,
          method.getSimpleName(),
          e.position(),
          e.getMessage());
      return Optional.empty();
    }
    List<KeyPart> parts = new ArrayList<>();
    boolean ok = true;
    for (KeyTemplate.Segment segment : segments) {
      if (segment instanceof KeyTemplate.Text text) {
        parts.add(new KeyPart.Literal(text.text()));
        continue;
      }
      KeyTemplate.Placeholder placeholder = (KeyTemplate.Placeholder) segment;
      String root = placeholder.path().get(0);
      Optional<TemplateScope.Name> name = scope.find(root);
      if (name.isEmpty()) {
        ok = false;
        diagnostics.error(
            method,
            annotation.mirror(),
            position,
            kind.unknownParameter,
            template,
            method.getSimpleName(),
            root,
            scope.hint(root));
        continue;
      }
      Optional<KeyPart.Value> value =
          followPath(method, annotation, position, template, placeholder, name.get(), kind);
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
      AnnotationAttributes annotation,
      AnnotationValue position,
      String template,
      KeyTemplate.Placeholder placeholder,
      TemplateScope.Name root,
      TemplateKind kind) {
    Optional<KeyPart.Value> walked =
        walk(method, annotation, position, template, placeholder.path(), root, kind);
    if (walked.isEmpty()) {
      return Optional.empty();
    }
    TypeMirror current = walked.get().type();
    Optional<KeyPart.Value> value =
        value(
            root.name(),
            root.isResult(),
            root.type(),
            walked.get().accessors(),
            current,
            kind == TemplateKind.KEY);
    if (value.isEmpty()) {
      diagnostics.error(
          method,
          annotation.mirror(),
          position,
          kind.partTypeNotAllowed,
          kind.partName + " {" + placeholder.text() + "}",
          method.getSimpleName(),
          current,
          placeholder.text());
    }
    return value;
  }

  /**
   * The value at the end of {@code path} (the root's name, then accessor names), of whatever type;
   * empty after reporting an unknown accessor with {@code kind}'s message and a "Did you mean"
   * hint. Templates and conditions walk their paths here.
   */
  Optional<KeyPart.Value> walk(
      ExecutableElement method,
      AnnotationAttributes annotation,
      AnnotationValue position,
      String template,
      List<String> path,
      TemplateScope.Name root,
      TemplateKind kind) {
    List<Accessor> chain = new ArrayList<>();
    TypeMirror current = root.type();
    String walked = root.name();
    for (String name : path.subList(1, path.size())) {
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
            annotation.mirror(),
            position,
            kind.unknownAccessor,
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
    return Optional.of(
        new KeyPart.Value(
            root.name(),
            !root.type().getKind().isPrimitive(),
            chain,
            current,
            List.of(),
            root.isResult()));
  }

  /**
   * A value of an allowed type, or empty when {@code type} cannot be a key part. Arrays are keys
   * element by element; they are not tags, since one tag per array would surprise a reader who
   * expects a tag per element.
   */
  private Optional<KeyPart.Value> value(
      String root,
      boolean fromResult,
      TypeMirror rootType,
      List<Accessor> chain,
      TypeMirror type,
      boolean arraysAllowed) {
    boolean rootIsReference = !rootType.getKind().isPrimitive();
    Optional<TypeMirror> element =
        arraysAllowed ? keyPartTypes.keyArrayElement(type) : Optional.empty();
    if (element.isPresent()) {
      List<String> components =
          keyPartTypes.isLeaf(element.get())
              ? List.of()
              : keyPartTypes.leafRecordComponents(element.get()).orElseThrow();
      return Optional.of(
          new KeyPart.Value(root, rootIsReference, chain, type, components, fromResult, true));
    }
    if (keyPartTypes.isLeaf(type)) {
      return Optional.of(
          new KeyPart.Value(root, rootIsReference, chain, type, List.of(), fromResult));
    }
    return keyPartTypes
        .leafRecordComponents(type)
        .map(
            components ->
                new KeyPart.Value(root, rootIsReference, chain, type, components, fromResult));
  }
}
