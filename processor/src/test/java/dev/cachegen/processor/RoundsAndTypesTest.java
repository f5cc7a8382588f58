package dev.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Interfaces that need other processors' output, and value types the codec may still know. */
class RoundsAndTypesTest {

  @Test
  void waitsForTypesAnotherProcessorGenerates() {
    JavaFileObject repo =
        JavaFileObjects.forSourceLines(
            "test.Repo",
            "package test;",
            "import dev.cachegen.annotations.Cached;",
            "public interface Repo {",
            "  @Cached Later find(long id);",
            "}");
    Compilation compilation =
        javac().withProcessors(new CachingProcessor(), new GeneratesLater()).compile(repo);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.CachedRepo")
        .contentsAsUtf8String()
        .contains("value shape {@code test.Later(id:long)}");
  }

  @Test
  void acceptsInterfacesMarkedForPolymorphicJson() {
    JavaFileObject jsonTypeInfo =
        JavaFileObjects.forSourceLines(
            "com.fasterxml.jackson.annotation.JsonTypeInfo",
            "package com.fasterxml.jackson.annotation;",
            "public @interface JsonTypeInfo {}");
    JavaFileObject repo =
        JavaFileObjects.forSourceLines(
            "test.Shapes",
            "package test;",
            "import com.fasterxml.jackson.annotation.JsonTypeInfo;",
            "import dev.cachegen.annotations.Cached;",
            "import java.util.Map;",
            "public interface Shapes {",
            "  @JsonTypeInfo interface Shape { double area(); }",
            "  @Cached Shape find(long id);",
            "  @Cached Map<String, Shape> all();",
            "}");
    Compilation compilation = Compilations.strictJavac().compile(jsonTypeInfo, repo);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.CachedShapes")
        .contentsAsUtf8String()
        .contains("Object key = Keys.NONE;");
  }

  @Test
  void deprecatedMethodsStayDeprecatedSoStrictBuildsPass() {
    JavaFileObject repo =
        JavaFileObjects.forSourceLines(
            "test.Old",
            "package test;",
            "import dev.cachegen.annotations.Cached;",
            "public interface Old {",
            "  @Deprecated @Cached String find(long id);",
            "  @Deprecated String plain(long id);",
            "}");
    Compilation compilation = Compilations.strictJavac().compile(repo);
    assertThat(compilation).succeededWithoutWarnings();
  }

  /** Writes {@code test.Later} in its first round, like a processor the user also runs. */
  static final class GeneratesLater extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("test.Later").openWriter()) {
          writer.write("package test;\npublic record Later(long id) {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
