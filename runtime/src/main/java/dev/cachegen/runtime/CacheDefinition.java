package dev.cachegen.runtime;

import dev.cachegen.annotations.StampedePolicy;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Everything known at compile time about one cache: its name, the exact type of its values, the
 * fingerprint of that type's shape and its policies. Generated decorators hold one as a {@code
 * static final} constant and pass it to {@link CacheRuntime#cache(CacheDefinition)}.
 *
 * <pre>{@code
 * static final CacheDefinition<Item> FIND =
 *     CacheDefinition.<Item>builder("ItemService.find", Item.class)
 *         .shape("3f9c2a71")
 *         .ttlNanos(300_000_000_000L)
 *         .localTtlNanos(60_000_000_000L)
 *         .build();
 * }</pre>
 *
 * @param <V> the type of the cached values
 */
public final class CacheDefinition<V> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{1,32}");

  private final String name;
  private final Type valueType;
  private final String shape;
  private final long ttlNanos;
  private final long localTtlNanos;
  private final boolean sliding;
  private final boolean cacheNulls;
  private final StampedePolicy stampede;

  private CacheDefinition(Builder<V> builder) {
    this.name = builder.name;
    this.valueType = builder.valueType;
    this.shape = builder.shape;
    this.ttlNanos = builder.ttlNanos;
    this.localTtlNanos =
        builder.localTtlNanos > 0
            ? builder.localTtlNanos
            : Math.min(builder.ttlNanos, TimeUnit.MINUTES.toNanos(1));
    this.sliding = builder.sliding;
    this.cacheNulls = builder.cacheNulls;
    this.stampede = builder.stampede;
  }

  /**
   * Starts a definition of the cache {@code name} whose values are of {@code valueType}. The type
   * parameter must agree with {@code valueType}; generated code guarantees that.
   */
  public static <V> Builder<V> builder(String name, Type valueType) {
    return new Builder<>(name, valueType);
  }

  /** The cache name, such as {@code ItemService.find}. */
  public String name() {
    return name;
  }

  /** The declared type values are encoded as and decoded to. */
  public Type valueType() {
    return valueType;
  }

  /** The fingerprint of the value type's shape, part of every shared key. */
  public String shape() {
    return shape;
  }

  /** Time to live in the shared tier, in nanoseconds. */
  public long ttlNanos() {
    return ttlNanos;
  }

  /** Time to live in the in-process tier, in nanoseconds. */
  public long localTtlNanos() {
    return localTtlNanos;
  }

  /** Whether a read extends an entry's life. */
  public boolean sliding() {
    return sliding;
  }

  /** Whether {@code null} answers are cached. */
  public boolean cacheNulls() {
    return cacheNulls;
  }

  /** What concurrent misses of one key do. */
  public StampedePolicy stampede() {
    return stampede;
  }

  /** Whether {@code other} describes the same cache: name, value type and shape. */
  boolean isCompatibleWith(CacheDefinition<?> other) {
    return name.equals(other.name)
        && valueType.equals(other.valueType)
        && shape.equals(other.shape);
  }

  @Override
  public String toString() {
    return "CacheDefinition["
        + name
        + ", type="
        + valueType.getTypeName()
        + ", shape="
        + shape
        + ", ttl="
        + TimeUnit.NANOSECONDS.toMillis(ttlNanos)
        + "ms, localTtl="
        + TimeUnit.NANOSECONDS.toMillis(localTtlNanos)
        + "ms]";
  }

  /**
   * Builds a {@link CacheDefinition}; every setting is checked in {@link #build()}.
   *
   * @param <V> the type of the cached values
   */
  public static final class Builder<V> {
    private final String name;
    private final Type valueType;
    private String shape = "0";
    private long ttlNanos = TimeUnit.MINUTES.toNanos(5);
    private long localTtlNanos;
    private boolean sliding;
    private boolean cacheNulls;
    private StampedePolicy stampede = StampedePolicy.LOCK;

    private Builder(String name, Type valueType) {
      this.name = Objects.requireNonNull(name, "name");
      this.valueType = Objects.requireNonNull(valueType, "valueType");
    }

    /** The fingerprint of the value type's shape: lower-case hex, computed by the processor. */
    public Builder<V> shape(String shape) {
      this.shape = Objects.requireNonNull(shape, "shape");
      return this;
    }

    /** Time to live in the shared tier, in nanoseconds; positive. */
    public Builder<V> ttlNanos(long ttlNanos) {
      this.ttlNanos = ttlNanos;
      return this;
    }

    /**
     * Time to live in the in-process tier, in nanoseconds; at most {@code ttlNanos}. When not set,
     * the smaller of the ttl and one minute.
     */
    public Builder<V> localTtlNanos(long localTtlNanos) {
      this.localTtlNanos = localTtlNanos;
      return this;
    }

    /** Whether a read extends an entry's life, in both tiers. */
    public Builder<V> sliding(boolean sliding) {
      this.sliding = sliding;
      return this;
    }

    /** Whether {@code null} answers are cached. */
    public Builder<V> cacheNulls(boolean cacheNulls) {
      this.cacheNulls = cacheNulls;
      return this;
    }

    /** What concurrent misses of one key do. */
    public Builder<V> stampede(StampedePolicy stampede) {
      this.stampede = Objects.requireNonNull(stampede, "stampede");
      return this;
    }

    /** Checks the settings and builds the definition. */
    public CacheDefinition<V> build() {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "cache name \"" + name + "\" may contain only letters, digits, '.', '_' and '-'");
      }
      if (!SHAPE.matcher(shape).matches()) {
        throw new IllegalArgumentException(
            "shape \"" + shape + "\" of cache " + name + " must be 1 to 32 lower-case hex digits");
      }
      if (ttlNanos <= 0) {
        throw new IllegalArgumentException(
            "ttlNanos of cache " + name + " must be positive, was " + ttlNanos);
      }
      if (localTtlNanos < 0 || localTtlNanos > ttlNanos) {
        throw new IllegalArgumentException(
            "localTtlNanos of cache "
                + name
                + " must be between 1 and ttlNanos ("
                + ttlNanos
                + "), was "
                + localTtlNanos);
      }
      return new CacheDefinition<>(this);
    }
  }
}
