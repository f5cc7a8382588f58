package dev.cachegen.runtime;

import static dev.cachegen.runtime.TestCaches.find;
import static dev.cachegen.runtime.TestCaches.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cachegen.runtime.internal.Cache;
import dev.cachegen.testing.ChildJvm;
import dev.cachegen.testing.LogCapture;
import dev.cachegen.testing.RedisExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * {@link CacheRuntime.Builder#valueFormat} and {@link CacheRuntime.Builder#compression} against a
 * real Redis: runtimes of different configurations share entries both ways (a rolling deploy), and
 * bytes under a live key that name an unknown format or hold a broken compressed block read as a
 * miss that is counted and logged once.
 */
class ValueFormatTest {
  @RegisterExtension static final RedisExtension redis = RedisExtension.perClass();

  /** Long enough to be compressed from the 64-byte threshold the tests use. */
  private static final String VALUE = "a value that repeats itself, ".repeat(20);

  private static CacheRuntime.Builder builder(String prefix) {
    return CacheRuntime.builder().redis(redis.uri()).keyPrefix(prefix);
  }

  @Test
  void runtimesOfDifferentConfigurationsReadEachOthersEntriesBothWays() {
    List<UnaryOperator<CacheRuntime.Builder>> configurations =
        List.of(
            b -> b,
            b -> b.valueFormat(ValueFormat.SMILE).compression(Compression.LZ4, 64),
            b -> b.valueFormat(ValueFormat.CBOR).compression(Compression.ZSTD, 64),
            b -> b.compression(Compression.LZ4, 64));
    for (int w = 0; w < configurations.size(); w++) {
      for (int r = 0; r < configurations.size(); r++) {
        if (w == r) {
          continue;
        }
        String prefix = redis.newPrefix();
        try (RedisClient raw = RedisClient.create(redis.uri());
            CacheRuntime writer = configurations.get(w).apply(builder(prefix)).build();
            CacheRuntime reader = configurations.get(r).apply(builder(prefix)).build()) {
          Cache<String> written = writer.cache(strings("v.shared").build());
          Cache<String> read = reader.cache(strings("v.shared").build());
          assertEquals(VALUE, find(written, "k", () -> VALUE));
          String description = "written by configuration " + w + ", read by " + r;
          assertEquals(VALUE, find(read, "k", () -> fail("not from Redis: " + description)));
          assertEquals(1, read.stats().shared().hits(), description);
          assertEquals(0, read.stats().shared().errors(), description);
          byte[] stored = raw.get(written.sharedKey().value("k").build().getBytes(UTF8));
          assertEquals(w == 0, stored[2] == 0, "flags of " + description);
        }
      }
    }
  }

  @Test
  void unknownIdsAndBrokenBlocksUnderALiveKeyReadAsACountedMissLoggedOnce() {
    try (RedisClient raw = RedisClient.create(redis.uri());
        LogCapture log = LogCapture.start();
        CacheRuntime runtime =
            builder(redis.newPrefix())
                .valueFormat(ValueFormat.SMILE)
                .compression(Compression.LZ4, 64)
                .localMaximumSize(0) // every read goes to Redis
                .build()) {
      Cache<String> cache = runtime.cache(strings("v.garbage").build());
      assertEquals(VALUE, find(cache, "k", () -> VALUE));
      byte[] key = cache.sharedKey().value("k").build().getBytes(UTF8);
      byte[] valid = raw.get(key);
      assertEquals(VALUE, find(cache, "k", () -> fail("the entry is valid")));

      List<byte[]> garbage =
          List.of(
              flags(valid, 0x06 | (valid[2] & 0x18)), // format id 3
              flags(valid, 0x18 | (valid[2] & 0x06)), // compression id 3
              flags(valid, valid[2] | 0x40), // a reserved bit
              scrambled(valid, valid.length - 40), // the LZ4 block broken
              scrambled(valid, valid.length - 2), // its last literals changed
              Arrays.copyOf(valid, valid.length - 7)); // the LZ4 block cut short
      long errors = 0;
      for (byte[] bytes : garbage) {
        raw.set(key, bytes);
        assertEquals("reloaded", find(cache, "k", () -> "reloaded"));
        assertEquals(++errors, cache.stats().shared().errors());
        assertEquals("reloaded", find(cache, "k", () -> fail("the load overwrote the garbage")));
      }
      List<String> warnings = log.lines(Pattern.compile("WARN.*cache v\\.garbage: cannot decode"));
      assertEquals(1, warnings.size(), log.text());
    }
  }

  @Test
  void aCustomCodecAndABinaryFormatContradictEachOther() {
    CacheRuntime.Builder builder =
        CacheRuntime.builder().codec(JacksonCodec.create()).valueFormat(ValueFormat.CBOR);
    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
    assertTrue(e.getMessage().startsWith("valueFormat(CBOR) writes values"), e.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> CacheRuntime.builder().compression(Compression.ZSTD, -1));
    assertEquals("compression(ZSTD, -1): thresholdBytes must be 0 or more", negative.getMessage());
  }

  /**
   * Without lz4-java and zstd-jni on its class path, a child JVM cannot choose them (a clear error
   * when the runtime is configured), and it reads the entries of a runtime that compresses as
   * misses that it overwrites, not as failures.
   */
  @Test
  void withoutTheLibrariesCompressionIsRefusedAndCompressedEntriesAreMisses() {
    String prefix = redis.newPrefix();
    try (CacheRuntime writer = builder(prefix).compression(Compression.ZSTD, 64).build()) {
      Cache<String> cache = writer.cache(strings("v.nolib").build());
      assertEquals(VALUE, find(cache, "k", () -> VALUE));
    }
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("lz4-java") && !entry.contains("zstd-jni"))
            .collect(Collectors.joining(File.pathSeparator));
    try (ChildJvm child =
        ChildJvm.builder(WithoutCompressionLibraries.class)
            .classPath(classPath)
            .arguments(redis.uri(), prefix)
            .start()) {
      assertEquals(
          "compression(LZ4, 1024): compression LZ4 needs at.yawk.lz4:lz4-java on the class path"
              + " (or its native code does not load on this platform); add it to the dependencies",
          child.nextLine());
      assertEquals("compression(ZSTD, 1024): refused", child.nextLine());
      assertEquals("from the child's delegate, 1 error", child.nextLine());
    }
    try (CacheRuntime plain = builder(prefix).build()) {
      Cache<String> cache = plain.cache(strings("v.nolib").build());
      assertEquals(
          "from the child's delegate",
          find(cache, "k", () -> fail("the child overwrote the entry")));
    }
  }

  /** The child of {@link #withoutTheLibrariesCompressionIsRefusedAndCompressedEntriesAreMisses}. */
  public static final class WithoutCompressionLibraries {
    public static void main(String[] args) {
      for (Compression compression : List.of(Compression.LZ4, Compression.ZSTD)) {
        try {
          CacheRuntime.builder().compression(compression, 1024);
          System.out.println("compression(" + compression + ", 1024): accepted");
        } catch (IllegalStateException e) {
          System.out.println(
              compression == Compression.LZ4
                  ? e.getMessage()
                  : "compression(" + compression + ", 1024): refused");
        }
      }
      try (CacheRuntime runtime =
          CacheRuntime.builder().redis(args[0]).keyPrefix(args[1]).build()) {
        Cache<String> cache = runtime.cache(strings("v.nolib").build());
        String value = find(cache, "k", () -> "from the child's delegate");
        System.out.println(value + ", " + cache.stats().shared().errors() + " error");
      }
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static byte[] flags(byte[] entry, int flags) {
    byte[] copy = entry.clone();
    copy[2] = (byte) flags;
    return copy;
  }

  private static byte[] scrambled(byte[] entry, int from) {
    byte[] copy = entry.clone();
    for (int i = from; i < copy.length; i += 3) {
      copy[i] ^= 0x5A;
    }
    return copy;
  }
}
