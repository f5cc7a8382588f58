package dev.cachegen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the runtime's layers apart, as {@code docs/ARCHITECTURE.md} draws them. It reads the
 * compiled classes, so a fully qualified name in the code counts as much as an import.
 *
 * <pre>
 * dev.cachegen.runtime (api, composition root: CacheRuntime)
 *   -> tier -> shared          -> internal (contract for generated code)
 *   -> writebehind -> shared   -> internal
 *   -> redis -> shared, writebehind
 *   -> metrics -> tier, shared, writebehind
 * http -> api value types
 * </pre>
 */
class RuntimeLayeringTest {
  private static final Path CLASSES = Path.of("target/classes");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final String ROOT = "dev/cachegen/runtime/";

  /** The runtime's own packages each class references, and the outside names it mentions. */
  private static Map<String, Set<String>> references;

  @BeforeAll
  static void readClasses() throws IOException {
    references = new TreeMap<>();
    try (Stream<Path> files = Files.walk(CLASSES.resolve(ROOT))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = CLASSES.relativize(file).toString().replace('\\', '/');
        references.put(name.substring(0, name.length() - ".class".length()), utf8Entries(file));
      }
    }
  }

  @Test
  void onlyTheRedisPackageKnowsJedis() {
    assertEquals(List.of(), offenders(c -> !inPackage(c, "redis"), "redis/clients/"));
  }

  @Test
  void onlyTheApiWithItsBuilderAndTheMetricsPackageKnowMicrometer() {
    assertEquals(
        List.of(),
        offenders(c -> !inPackage(c, "metrics") && !packageOf(c).isEmpty(), "io/micrometer/"));
  }

  @Test
  void nothingBelowTheApiNamesTheCompositionRoot() {
    assertEquals(List.of(), offenders(c -> !packageOf(c).isEmpty(), ROOT + "CacheRuntime"));
  }

  @Test
  void theContractForGeneratedCodeNamesNoImplementation() {
    for (String layer : List.of("tier", "shared", "writebehind", "redis", "metrics")) {
      assertEquals(List.of(), offenders(c -> inPackage(c, "internal"), ROOT + layer + "/"), layer);
    }
  }

  @Test
  void theTieredMachineryKnowsNeitherRedisNorWriteBehindNorMetrics() {
    for (String layer : List.of("redis", "writebehind", "metrics")) {
      assertEquals(List.of(), offenders(c -> inPackage(c, "tier"), ROOT + layer + "/"), layer);
    }
  }

  @Test
  void theSharedTierKnowsNoCache() {
    for (String layer : List.of("tier", "redis", "writebehind", "metrics")) {
      assertEquals(List.of(), offenders(c -> inPackage(c, "shared"), ROOT + layer + "/"), layer);
    }
  }

  @Test
  void writeBehindKnowsNeitherTheCachesNorRedis() {
    for (String layer : List.of("tier", "redis", "metrics")) {
      assertEquals(
          List.of(), offenders(c -> inPackage(c, "writebehind"), ROOT + layer + "/"), layer);
    }
  }

  @Test
  void httpUsesOnlyTheApi() {
    for (String layer : List.of("internal", "tier", "shared", "writebehind", "redis", "metrics")) {
      assertEquals(List.of(), offenders(c -> inPackage(c, "http"), ROOT + layer + "/"), layer);
    }
  }

  @Test
  void theModuleExportsTheApiTheHttpHelpersAndTheContractOnly() throws IOException {
    try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
      Set<String> exported =
          ModuleDescriptor.read(in).exports().stream()
              .map(ModuleDescriptor.Exports::source)
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(
          Set.of(
              "dev.cachegen.runtime", "dev.cachegen.runtime.http", "dev.cachegen.runtime.internal"),
          exported);
    }
  }

  @Test
  void noSourceFileIsLongerThanOneSitting() throws IOException {
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        long lines = Files.readAllLines(file).size();
        if (lines > 500) {
          tooLong.add(SOURCES.relativize(file) + " (" + lines + " lines)");
        }
      }
    }
    assertEquals(List.of(), tooLong, "split these by concern");
  }

  /** The classes for which {@code applies} holds that mention {@code prefix}. */
  private static List<String> offenders(
      java.util.function.Predicate<String> applies, String prefix) {
    List<String> found = new ArrayList<>();
    references.forEach(
        (type, names) -> {
          if (applies.test(type) && names.stream().anyMatch(n -> n.contains(prefix))) {
            found.add(type);
          }
        });
    return found;
  }

  private static boolean inPackage(String internalName, String layer) {
    return packageOf(internalName).equals(layer);
  }

  /** {@code "tier"} for {@code dev/cachegen/runtime/tier/TieredCache}, {@code ""} for the api. */
  private static String packageOf(String internalName) {
    String rest = internalName.substring(ROOT.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(0, slash);
  }

  /**
   * Every UTF-8 constant of a class file: class names, descriptors and generic signatures all live
   * there, so a reference in any of them is found.
   */
  private static Set<String> utf8Entries(Path classFile) {
    Set<String> entries = new TreeSet<>();
    try (DataInputStream in = new DataInputStream(Files.newInputStream(classFile))) {
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> entries.add(in.readUTF());
          case 7, 8, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++; // takes two slots
          }
          default -> throw new IOException("unknown constant tag " + tag + " in " + classFile);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
