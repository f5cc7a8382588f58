package dev.cachegen.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.cachegen.processor.model.MethodModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/** Writes the {@code {@link Iface#method(Types)}} that ties generated code to its source. */
final class Javadocs {
  private final Types types;

  Javadocs(Types types) {
    this.types = types;
  }

  /** {@code {@link ItemService#find(long)}}, naming the interface that declares the method. */
  CodeBlock link(MethodModel method) {
    return link(method.element());
  }

  /** {@code {@link ItemService#find(long)}} for a method of an interface. */
  CodeBlock link(ExecutableElement element) {
    TypeElement declaring = (TypeElement) element.getEnclosingElement();
    List<CodeBlock> parameters = new ArrayList<>();
    for (VariableElement parameter : element.getParameters()) {
      parameters.add(CodeBlock.of("$T", TypeName.get(types.erasure(parameter.asType()))));
    }
    return CodeBlock.of(
        "{@link $T#$N($L)}",
        TypeName.get(types.erasure(declaring.asType())),
        element.getSimpleName().toString(),
        CodeBlock.join(parameters, ", "));
  }
}
