package dev.cachegen.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.cachegen.processor.diagnostics.Diagnostics;
import dev.cachegen.processor.diagnostics.Message;
import dev.cachegen.processor.model.DecoratorModel;
import dev.cachegen.processor.validation.AnnotationNames;
import dev.cachegen.processor.validation.InterfaceValidator;
import dev.cachegen.processor.writer.DecoratorWriter;
import dev.cachegen.processor.writer.FactoryWriter;
import dev.cachegen.processor.writer.Naming;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The cachegen annotation processor: for each interface with {@code @Cached},
 * {@code @WriteThrough}, {@code @WriteBehind}, {@code @Invalidate}, {@code @InvalidateTags} or
 * {@code @CacheControl} methods (or {@code @CacheControl} on the interface itself), writes a
 * decorator {@code Cached<Interface>} next to it. This class only handles rounds; validation builds
 * the model and the writer turns it into source.
 *
 * <p>An interface that mentions a type not generated yet (by another processor) is deferred to the
 * next round. Each interface stands alone: one with errors gets no file, the others still do. The
 * processor never claims annotations, so other processors see them too.
 *
 * <p>Next to each public decorator it writes a factory, and in the last round one services index
 * listing every factory of the compilation, which {@code dev.cachegen.runtime.Decorators} reads.
 * That index has many originating elements, so the processor is declared aggregating for Gradle's
 * incremental compilation ({@code META-INF/gradle/incremental.annotation.processors}).
 */
@AutoService(Processor.class)
public final class CachingProcessor extends AbstractProcessor {
  /** Every annotation that makes a type need a decorator (or an error), in a fixed order. */
  private static final List<String> ANNOTATIONS = AnnotationNames.ALL;

  /** Qualified names of types waiting for a later round, in the order they were met. */
  private final Set<String> deferred = new LinkedHashSet<>();

  /** Types already handled, so a type annotated in several rounds is written once. */
  private final Set<String> done = new LinkedHashSet<>();

  private Diagnostics diagnostics;
  private InterfaceValidator validator;
  private DecoratorWriter writer;
  private final FactoryWriter factoryWriter = new FactoryWriter();

  /** The factories written in every round, listed once in the last. */
  private final ServiceIndex index = new ServiceIndex();

  /** Creates the processor; the compiler calls {@link #init} before use. */
  public CachingProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    diagnostics = new Diagnostics(processingEnv.getMessager());
    validator = new InterfaceValidator(processingEnv, diagnostics);
    writer = new DecoratorWriter(processingEnv.getTypeUtils());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.copyOf(ANNOTATIONS);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<TypeElement> types = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        types.add(type);
      }
    }
    deferred.clear();
    types.addAll(enclosingTypes(round));
    for (TypeElement type : types) {
      String name = type.getQualifiedName().toString();
      if (done.contains(name)) {
        continue;
      }
      Optional<String> unresolved = UnresolvedTypes.firstIn(type, processingEnv.getTypeUtils());
      if (unresolved.isPresent()) {
        if (round.processingOver()) {
          diagnostics.error(type, Message.UNRESOLVED_TYPE, name, unresolved.get());
          done.add(name);
        } else {
          deferred.add(name);
        }
        continue;
      }
      done.add(name);
      process(type);
    }
    if (round.processingOver()) {
      try {
        index.write(processingEnv.getFiler(), processingEnv.getElementUtils());
      } catch (IOException | RuntimeException e) {
        diagnostics.error(null, Message.SERVICE_INDEX_FAILED, ServiceIndex.PATH, e);
      }
    }
    return false;
  }

  private void process(TypeElement type) {
    try {
      Optional<DecoratorModel> model = validator.validate(type);
      if (model.isPresent()) {
        JavaFile file = writer.write(model.get());
        SourceFiles.write(processingEnv.getFiler(), file, type);
        if (FactoryWriter.writesFactory(model.get())) {
          SourceFiles.write(processingEnv.getFiler(), factoryWriter.write(model.get()), type);
          index.add(Naming.qualifiedFactoryName(model.get()), type);
        }
      }
    } catch (IOException | RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      diagnostics.error(type, Message.PROCESSOR_CRASH, type.getQualifiedName(), trace);
    }
  }

  /**
   * The types that hold any of {@link #ANNOTATIONS}, in the order the compiler lists the annotated
   * elements. One walk of the round's elements for all annotations: asking for each annotation on
   * its own walks every element of every source once per annotation.
   */
  private Set<TypeElement> enclosingTypes(RoundEnvironment round) {
    Set<TypeElement> annotationTypes = new LinkedHashSet<>();
    for (String annotation : ANNOTATIONS) {
      TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
      if (annotationType != null) {
        annotationTypes.add(annotationType);
      }
    }
    Set<TypeElement> types = new LinkedHashSet<>();
    if (annotationTypes.isEmpty()) {
      return types;
    }
    for (Element element :
        round.getElementsAnnotatedWithAny(annotationTypes.toArray(TypeElement[]::new))) {
      // The annotations sit on methods, @CacheKey on a parameter of one, @CacheControl possibly on
      // the type itself: climb to the type.
      Element current = element;
      while (current != null && !(current instanceof TypeElement)) {
        current = current.getEnclosingElement();
      }
      if (current != null) {
        types.add((TypeElement) current);
      }
    }
    return types;
  }
}
