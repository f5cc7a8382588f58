package dev.cachegen.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.cachegen.processor.model.DecoratorModel;
import java.util.Collections;
import javax.lang.model.element.Modifier;

/**
 * Writes the factory of one decorator: {@code CachedItemService_Factory implements
 * DecoratorFactory<ItemService, CacheRuntime>}, which {@code dev.cachegen.runtime.Decorators} finds
 * through the services index, so containers decorate a bean without naming the generated class or
 * using reflection. Only public interfaces get one: {@code ServiceLoader} instantiates public
 * classes only. A generic interface is decorated as {@code Repo<?>}. A pure function of the model.
 */
public final class FactoryWriter {
  /** Creates the writer. */
  public FactoryWriter() {}

  /** Whether {@code model}'s decorator gets a factory: its interface is public. */
  public static boolean writesFactory(DecoratorModel model) {
    return model.isPublic();
  }

  /** The source file of {@code model}'s factory. */
  public JavaFile write(DecoratorModel model) {
    ClassName raw = ClassName.get(model.element());
    int typeParameters = model.element().getTypeParameters().size();
    TypeName decorated =
        typeParameters == 0
            ? raw
            : ParameterizedTypeName.get(
                raw,
                Collections.nCopies(typeParameters, WildcardTypeName.subtypeOf(Object.class))
                    .toArray(TypeName[]::new));
    ClassName decorator = ClassName.get(model.packageName(), Naming.decoratorName(model));
    TypeName classOfDecorated = ParameterizedTypeName.get(ClassName.get(Class.class), decorated);
    MethodSpec.Builder type =
        MethodSpec.methodBuilder("type")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(classOfDecorated);
    if (typeParameters == 0) {
      type.addStatement("return $T.class", raw);
    } else {
      type.addAnnotation(
              AnnotationSpec.builder(SuppressWarnings.class)
                  .addMember("value", "$S", "unchecked")
                  .build())
          .addComment(
              "$T.class is a Class<$T>; the factory decorates every $T", raw, raw, decorated)
          .addStatement("return ($T) ($T<?>) $T.class", classOfDecorated, Class.class, raw);
    }
    MethodSpec decorate =
        MethodSpec.methodBuilder("decorate")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(decorated)
            .addParameter(decorated, Naming.DELEGATE)
            .addParameter(RuntimeTypes.CACHE_RUNTIME, Naming.RUNTIME)
            .addStatement(
                "return new $T$L($N, $N)",
                decorator,
                typeParameters == 0 ? "" : "<>",
                Naming.DELEGATE,
                Naming.RUNTIME)
            .build();
    TypeSpec.Builder factory =
        TypeSpec.classBuilder(Naming.factoryName(model))
            .addOriginatingElement(model.element())
            .addJavadoc(
                "Creates {@link $T}, the caching decorator of {@link $T}; found by {@code"
                    + " dev.cachegen.runtime.Decorators} through {@code"
                    + " META-INF/services/$L}.\n",
                decorator,
                raw,
                RuntimeTypes.DECORATOR_FACTORY.canonicalName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(
                ParameterizedTypeName.get(
                    RuntimeTypes.DECORATOR_FACTORY, decorated, RuntimeTypes.CACHE_RUNTIME))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Called by {@code ServiceLoader}.\n")
                    .build())
            .addMethod(type.build())
            .addMethod(decorate);
    if (model.generatedVisible()) {
      factory.addAnnotation(DecoratorWriter.generated());
    }
    return JavaFile.builder(model.packageName(), factory.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }
}
