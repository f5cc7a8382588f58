package dev.cachegen.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.cachegen.processor.model.DecoratorModel;
import dev.cachegen.processor.model.WriteQueue;
import dev.cachegen.processor.model.WritingMethod;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes what a {@code @WriteBehind} method needs besides its body: the record of a queued call
 * (the method's arguments), the queue's {@code WriteBehindDefinition} constant, its field, and the
 * constructor line that registers the handler applying calls to the delegate.
 */
final class WriteQueues {
  /** The runtime's default attempts; only other values are spelled out. */
  private static final int DEFAULT_MAX_ATTEMPTS = 5;

  private final DecoratorModel model;
  private final Naming naming;
  private final Javadocs javadocs;

  WriteQueues(DecoratorModel model, Naming naming, Javadocs javadocs) {
    this.model = model;
    this.naming = naming;
    this.javadocs = javadocs;
  }

  /** The write-behind methods, in order. */
  List<WritingMethod> methods() {
    return model.writingMethods().stream()
        .filter(m -> m.write().isPresent() && m.write().get().isBehind())
        .toList();
  }

  /** {@code record RenameCall(Item item) {}}. */
  TypeSpec callRecord(WritingMethod method) {
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    List<String> names = Naming.callComponents(method.element());
    for (int i = 0; i < names.size(); i++) {
      components.addParameter(TypeName.get(method.type().getParameterTypes().get(i)), names.get(i));
    }
    return TypeSpec.recordBuilder(naming.callRecord(method))
        .addJavadoc("The arguments of a queued call of $L.\n", javadocs.link(method))
        .recordConstructor(components.build())
        .build();
  }

  /** The {@code WriteBehindDefinition} constant. */
  FieldSpec constant(WritingMethod method) {
    WriteQueue queue = method.write().orElseThrow().queue().orElseThrow();
    ClassName call = callType(method);
    CodeBlock.Builder init =
        CodeBlock.builder()
            .add(
                "$>$>\n$T.<$T>builder($S, $T.class)",
                RuntimeTypes.WRITE_BEHIND_DEFINITION,
                call,
                queue.name(),
                call)
            .add("$>$>");
    if (queue.maxAttempts() != DEFAULT_MAX_ATTEMPTS) {
      init.add("\n.maxAttempts($L)", queue.maxAttempts());
    }
    if (queue.coalesce()) {
      init.add("\n.coalesce(true)");
    }
    init.add("\n.build()$<$<$<$<");
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.WRITE_BEHIND_DEFINITION, call),
            naming.queueConstant(method),
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("Write-behind queue of $L.\n", javadocs.link(method))
        .initializer(init.build())
        .build();
  }

  /** The {@code WriteBehindQueue} field. */
  FieldSpec field(WritingMethod method) {
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.WRITE_BEHIND_QUEUE, callType(method)),
            naming.queueField(method),
            Modifier.PRIVATE,
            Modifier.FINAL)
        .build();
  }

  /** {@code this.renameWrites = runtime.writeBehind(RENAME_WRITES, call -> ...)}. */
  CodeBlock register(WritingMethod method) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (String component : Naming.callComponents(method.element())) {
      arguments.add(CodeBlock.of("$N.$N()", Naming.CALL, component));
    }
    return CodeBlock.of(
        "this.$N = $N.writeBehind($N, $N -> this.$N.$N($L))",
        naming.queueField(method),
        Naming.RUNTIME,
        naming.queueConstant(method),
        Naming.CALL,
        Naming.DELEGATE,
        method.element().getSimpleName().toString(),
        CodeBlock.join(arguments, ", "));
  }

  private ClassName callType(WritingMethod method) {
    return ClassName.get(
        model.packageName(), Naming.decoratorName(model), naming.callRecord(method));
  }
}
