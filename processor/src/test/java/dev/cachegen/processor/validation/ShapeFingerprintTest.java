package dev.cachegen.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.cachegen.processor.CachingProcessor;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fingerprint follows the value type's shape, and only its shape. */
class ShapeFingerprintTest {
  private static final Pattern SHAPE = Pattern.compile("\\.shape\\(\"([0-9a-f]{8})\"\\)");
  private static final Pattern DESCRIPTION = Pattern.compile("value shape \\{@code (.*)}\\.");

  @Test
  void hashIsTheStartOfSha256() {
    // printf 'java.lang.Long' | sha256sum
    assertEquals("850ce43a", ShapeFingerprint.hash("java.lang.Long"));
    assertEquals(8, ShapeFingerprint.hash("").length());
  }

  @Test
  void describesRecordsClassesEnumsAndCycles() throws IOException {
    String generated =
        generate(
            "record Item(long id, String name, Color color, Node node, Bean bean) {}",
            "enum Color { RED, GREEN }",
            "record Node(String label, java.util.List<Node> children) {}",
            "class Bean { int size; transient int cache; static int shared; }");
    assertEquals(
        "test.Item(id:long,name:java.lang.String,color:test.Color[RED,GREEN],"
            + "node:test.Node(label:java.lang.String,children:java.util.List<@test.Node>),"
            + "bean:test.Bean(size:int))",
        find(DESCRIPTION, generated));
  }

  @Test
  void changingARecordComponentChangesTheFingerprint() throws IOException {
    String before = find(SHAPE, generate("record Item(long id, String name) {}"));
    String same = find(SHAPE, generate("record Item(long id, String name) {}"));
    String renamed = find(SHAPE, generate("record Item(long id, String title) {}"));
    String retyped = find(SHAPE, generate("record Item(int id, String name) {}"));
    String added = find(SHAPE, generate("record Item(long id, String name, int stock) {}"));
    assertEquals(before, same);
    assertNotEquals(before, renamed);
    assertNotEquals(before, retyped);
    assertNotEquals(before, added);
  }

  @Test
  void gettersDescribeClassesWithoutFields() throws IOException {
    String generated =
        generate(
            "class Item { public long getId() { return 0; } public boolean isActive() { return"
                + " true; } }");
    assertEquals("test.Item(id:long,active:boolean)", find(DESCRIPTION, generated));
  }

  private static String generate(String... types) throws IOException {
    String source =
        "package test;\n"
            + "import dev.cachegen.annotations.Cached;\n"
            + "interface Repo {\n"
            + "  @Cached Item find(long id);\n"
            + "}\n"
            + String.join("\n", types)
            + "\n";
    Compilation compilation =
        javac()
            .withProcessors(new CachingProcessor())
            .compile(JavaFileObjects.forSourceString("test.Repo", source));
    assertThat(compilation).succeeded();
    return compilation
        .generatedSourceFile("test.CachedRepo")
        .orElseThrow()
        .getCharContent(true)
        .toString();
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new AssertionError(pattern + " not in\n" + text);
    }
    return matcher.group(1);
  }
}
