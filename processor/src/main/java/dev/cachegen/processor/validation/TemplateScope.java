package dev.cachegen.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * The names a key or tag template may use: the method's parameters and, in templates of writes and
 * invalidations that act after the delegate returned, {@code result} for the returned value (unless
 * a parameter already has that name).
 */
final class TemplateScope {
  /** The name of the returned value in templates. */
  static final String RESULT = "result";

  /**
   * One name of the scope.
   *
   * @param name as written in templates
   * @param type the value's type, as a member of the decorated interface
   * @param isResult whether it is the returned value
   */
  record Name(String name, TypeMirror type, boolean isResult) {}

  private final List<Name> names;
  private final String noResultNote;

  private TemplateScope(List<Name> names, String noResultNote) {
    this.names = List.copyOf(names);
    this.noResultNote = noResultNote;
  }

  /** The parameters only; {@code note} says why {@code result} is not available. */
  static TemplateScope parameters(ExecutableElement method, ExecutableType type, String note) {
    return new TemplateScope(parameterNames(method, type), note);
  }

  /**
   * The parameters and, when {@code result} is present and no parameter shadows it, the returned
   * value.
   */
  static TemplateScope withResult(
      ExecutableElement method, ExecutableType type, Optional<TypeMirror> result) {
    List<Name> names = parameterNames(method, type);
    boolean shadowed = names.stream().anyMatch(n -> n.name().equals(RESULT));
    if (result.isPresent() && !shadowed) {
      names.add(new Name(RESULT, result.get(), true));
      return new TemplateScope(names, null);
    }
    return new TemplateScope(
        names, result.isPresent() ? null : "The method returns no value for 'result' to name.");
  }

  Optional<Name> find(String name) {
    return names.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** "Did you mean 'userId'?", else the names there are; for unknown-name errors. */
  String hint(String unknown) {
    List<String> candidates = names.stream().map(Name::name).toList();
    String hint;
    Optional<String> closest = EditDistance.closest(unknown, candidates);
    if (closest.isPresent()) {
      hint = " Did you mean '" + closest.get() + "'?";
    } else {
      List<String> parameters = names.stream().filter(n -> !n.isResult()).map(Name::name).toList();
      hint =
          parameters.isEmpty()
              ? " The method has no parameters."
              : " Its parameters are: " + String.join(", ", parameters) + ".";
    }
    if (unknown.equals(RESULT) && noResultNote != null) {
      hint = hint + " " + noResultNote;
    }
    return hint;
  }

  private static List<Name> parameterNames(ExecutableElement method, ExecutableType type) {
    List<Name> names = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      names.add(
          new Name(
              method.getParameters().get(i).getSimpleName().toString(),
              type.getParameterTypes().get(i),
              false));
    }
    return names;
  }
}
