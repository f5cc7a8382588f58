package dev.cachegen.runtime.tier;

import dev.cachegen.runtime.Codec;
import dev.cachegen.runtime.Compression;
import dev.cachegen.runtime.JacksonCodec;
import dev.cachegen.runtime.ValueFormat;
import dev.cachegen.runtime.internal.CacheEntry;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding one shared-tier entry (header and payload, {@link EntryFormat}) in every
 * value format and compression, for values whose JSON is about 120 B, 2 KB and 64 KB. The baseline
 * is {@code encoding=JSON} at the same size, in the same run. Compression runs from a threshold of
 * 0 bytes, so the figures show its cost where it does not pay too; {@link #main} prints the bytes.
 * It samples single calls, so that their median holds on a machine that other work shares.
 *
 * <p>It lives in the runtime's package to reach the package-private {@link EntryFormat}: the
 * benchmark jar puts both on one class path. What it measures is what a Redis read or write of the
 * entry costs besides the round trip.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EntryEncodingBenchmark {
  /** A line of an order: text, whole numbers, a decimal, an instant and an optional note. */
  public record Line(
      String sku, String title, int quantity, double price, Instant at, List<String> tags) {}

  /** The cached value: an order of some lines. */
  public record Order(long id, String customer, List<Line> lines) {}

  private static final String[] WORDS = {
    "red", "steel", "kettle", "walnut", "desk", "lamp", "linen", "shirt", "oak", "chair", "glass",
    "bowl", "wool", "scarf", "cotton", "towel", "brass", "hook", "leather", "belt"
  };

  @Param({"120", "2048", "65536"})
  public int jsonBytes;

  @Param({
    "JSON",
    "SMILE",
    "CBOR",
    "JSON+LZ4",
    "JSON+ZSTD",
    "SMILE+LZ4",
    "SMILE+ZSTD",
    "CBOR+LZ4",
    "CBOR+ZSTD"
  })
  public String encoding;

  private EntryCodec<Object> codec;
  private CacheEntry<Object> entry;
  private byte[] encoded;

  @Setup
  public void setUp() throws Exception {
    codec = encoding(encoding).forType(valueType(jsonBytes));
    entry = CacheEntry.of(value(jsonBytes), 1_700_000_000_000L, 12_345);
    encoded = EntryFormat.encode(entry, codec);
    if (!EntryFormat.decode(encoded, codec, "k").value().equals(entry.value())) {
      throw new AssertionError(encoding + " does not round-trip");
    }
  }

  @Benchmark
  public byte[] encode() throws Exception {
    return EntryFormat.encode(entry, codec);
  }

  @Benchmark
  public Object decode() throws Exception {
    return EntryFormat.decode(encoded, codec, "k").value();
  }

  /**
   * Prints the bytes of each entry, the JSON one first at each size: {@code -cp benchmarks.jar}.
   */
  public static void main(String[] args) throws Exception {
    System.out.printf("%-11s %15s %15s %15s%n", "encoding", "120 B", "2 KB", "64 KB");
    for (String name :
        EntryEncodingBenchmark.class.getField("encoding").getAnnotation(Param.class).value()) {
      StringBuilder row = new StringBuilder(String.format("%-11s", name));
      for (int size : new int[] {120, 2048, 65536}) {
        EntryCodec<Object> codec = encoding(name).forType(valueType(size));
        CacheEntry<Object> entry = CacheEntry.of(value(size), 1L, 2L);
        byte[] bytes = EntryFormat.encode(entry, codec);
        byte[] json = EntryFormat.encode(entry, encoding("JSON").forType(valueType(size)));
        String change =
            name.equals("JSON")
                ? ""
                : String.format("(%+.0f%%)", 100.0 * (bytes.length - json.length) / json.length);
        row.append(String.format(" %8d %6s", bytes.length, change));
      }
      System.out.println(row);
    }
  }

  private static ValueEncoding encoding(String name) {
    String[] parts = name.split("\\+");
    Compression compression = parts.length == 1 ? Compression.NONE : Compression.valueOf(parts[1]);
    return new ValueEncoding(JacksonCodec.create(), ValueFormat.valueOf(parts[0]), compression, 0);
  }

  /** A single line for the smallest size, an order of lines for the others. */
  private static Type valueType(int jsonBytes) {
    return jsonBytes <= 200 ? Line.class : Order.class;
  }

  /** A value whose JSON is about {@code jsonBytes} long, the same for every encoding. */
  private static Object value(int jsonBytes) throws Exception {
    Random random = new Random(jsonBytes);
    if (jsonBytes <= 200) {
      return line(random, 0);
    }
    List<Line> lines = new ArrayList<>();
    Order order = new Order(42, "customer-" + random.nextInt(100_000), lines);
    Codec.TypedCodec<Order> json = JacksonCodec.create().forType(Order.class);
    while (json.encode(order).length < jsonBytes) {
      lines.add(line(random, lines.size()));
    }
    lines.remove(lines.size() - 1);
    return new Order(order.id(), order.customer(), List.copyOf(lines));
  }

  private static Line line(Random random, int i) {
    String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
    return new Line(
        "SKU-" + (100_000 + random.nextInt(900_000)),
        title,
        1 + random.nextInt(9),
        Math.round(random.nextDouble() * 50_000) / 100.0,
        Instant.ofEpochSecond(1_700_000_000L + random.nextInt(10_000_000)),
        i % 3 == 0 ? List.of(WORDS[random.nextInt(WORDS.length)]) : List.of());
  }
}
