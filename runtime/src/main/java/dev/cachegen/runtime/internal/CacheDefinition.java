package dev.cachegen.runtime.internal;

import dev.cachegen.annotations.StampedePolicy;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Everything known at compile time about one cache: its name, the exact type of its values, the
 * fingerprint of that type's shape and its policies. Generated decorators hold one as a {@code
 * static final} constant and pass it to {@link
 * dev.cachegen.runtime.CacheRuntime#cache(CacheDefinition)}.
 *
 * <pre>{@code
 * static final CacheDefinition<Item> FIND =
 *     CacheDefinition.<Item>builder("ItemService.find", Item.class)
 *         .shape("3f9c2a71")
 *         .ttlNanos(300_000_000_000L)
 *         .localTtlNanos(60_000_000_000L)
 *         .earlyRefresh(1.0)
 *         .staleWhileRevalidateNanos(30_000_000_000L)
 *         .build();
 * }</pre>
 *
 * <p>A cache with {@linkplain Builder#earlyRefresh early refresh} or a stale window ({@linkplain
 * Builder#staleWhileRevalidateNanos stale-while-revalidate}, {@linkplain Builder#staleIfErrorNanos
 * stale-if-error}) {@linkplain #checksFreshness() checks freshness}: generated code asks {@code
 * TieredCache.refreshDue} on every in-process hit.
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
  private final double earlyRefresh;
  private final long staleWhileRevalidateNanos;
  private final long staleIfErrorNanos;
  private final Predicate<? super V> unless;
  private final TtlFrom<? super V> ttlFrom;

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
    this.earlyRefresh = builder.earlyRefresh;
    this.staleWhileRevalidateNanos = builder.staleWhileRevalidateNanos;
    this.staleIfErrorNanos = builder.staleIfErrorNanos;
    this.unless = builder.unless;
    this.ttlFrom = builder.ttlFrom;
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

  /**
   * The time to live the value gives itself ({@code @Cached(ttlFrom = ...)}), or {@code null} when
   * every entry lives {@link #ttlNanos()}.
   */
  public TtlFrom<? super V> ttlFrom() {
    return ttlFrom;
  }

  /**
   * Whether a value just loaded is stored: not a {@code null} unless the cache caches nulls, and
   * not a value its {@linkplain Builder#unless unless condition} holds for. Every load path asks
   * this (single, asynchronous, bulk, background refresh); explicit writes ({@code put}) do not. A
   * condition that throws (an accessor of the value failed) stores nothing: the value is still
   * returned, and a failing accessor does not turn a successful load into an error.
   */
  public boolean stores(V value) {
    if (value == null && !cacheNulls) {
      return false;
    }
    try {
      return !unless.test(value);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** What concurrent misses of one key do. */
  public StampedePolicy stampede() {
    return stampede;
  }

  /**
   * The beta of probabilistic early refresh (XFetch), {@code 0} when off. An entry whose load took
   * {@code delta} is refreshed in the background once {@code now - delta * beta * ln(random())}
   * reaches its expiry, so slow loads and larger betas refresh earlier.
   */
  public double earlyRefresh() {
    return earlyRefresh;
  }

  /**
   * How long after its expiry an entry may still be served, while one background load replaces it
   * (stale-while-revalidate), in nanoseconds; {@code 0} when off.
   */
  public long staleWhileRevalidateNanos() {
    return staleWhileRevalidateNanos;
  }

  /**
   * How long after its expiry an entry may still be served when the load that should replace it
   * fails (stale-if-error), in nanoseconds; {@code 0} when off.
   */
  public long staleIfErrorNanos() {
    return staleIfErrorNanos;
  }

  /**
   * Whether in-process hits must ask {@code TieredCache.refreshDue}: true with early refresh or a
   * stale window. Generated code knows this at compile time.
   */
  public boolean checksFreshness() {
    return earlyRefresh > 0 || staleWhileRevalidateNanos > 0 || staleIfErrorNanos > 0;
  }

  /** How long past its expiry an entry is kept, in either tier: the longer stale window. */
  public long staleNanos() {
    return Math.max(staleWhileRevalidateNanos, staleIfErrorNanos);
  }

  /** Whether {@code other} describes the same cache: name, value type and shape. */
  public boolean isCompatibleWith(CacheDefinition<?> other) {
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
        + "ms"
        + (earlyRefresh > 0 ? ", earlyRefresh=" + earlyRefresh : "")
        + (staleWhileRevalidateNanos > 0
            ? ", staleWhileRevalidate="
                + TimeUnit.NANOSECONDS.toMillis(staleWhileRevalidateNanos)
                + "ms"
            : "")
        + (staleIfErrorNanos > 0
            ? ", staleIfError=" + TimeUnit.NANOSECONDS.toMillis(staleIfErrorNanos) + "ms"
            : "")
        + "]";
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
    private double earlyRefresh;
    private long staleWhileRevalidateNanos;
    private long staleIfErrorNanos;
    private Predicate<? super V> unless = value -> false;
    private TtlFrom<? super V> ttlFrom;

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

    /**
     * A loaded value this predicate holds for is returned but not stored: the compiled form of
     * {@code @Cached(unless = ...)}. It is given {@code null} too when the cache caches nulls.
     */
    public Builder<V> unless(Predicate<? super V> unless) {
      this.unless = Objects.requireNonNull(unless, "unless");
      return this;
    }

    /**
     * Each value's own time to live, the compiled form of {@code @Cached(ttlFrom = ...)}: replaces
     * {@code ttlNanos} for entries whose value gives one (jittered like it), and the in-process
     * tier keeps no entry past it. A value that has already expired is returned but not cached. Not
     * with {@code sliding}.
     */
    public Builder<V> ttlFrom(TtlFrom<? super V> ttlFrom) {
      this.ttlFrom = Objects.requireNonNull(ttlFrom, "ttlFrom");
      return this;
    }

    /** What concurrent misses of one key do. */
    public Builder<V> stampede(StampedePolicy stampede) {
      this.stampede = Objects.requireNonNull(stampede, "stampede");
      return this;
    }

    /**
     * Probabilistic early refresh (XFetch, Vattani, Chierichetti and Lowenstein, VLDB 2015): the
     * beta, {@code 0} (the default) for off, {@code 1.0} the usual choice, larger to refresh
     * earlier. A hit on an entry that is due is answered with the current value at once, while one
     * background load per key (one across JVMs with {@link StampedePolicy#LOCK}) replaces it.
     */
    public Builder<V> earlyRefresh(double beta) {
      this.earlyRefresh = beta;
      return this;
    }

    /**
     * Serve an entry for up to this long after its expiry, while one background load replaces it;
     * in nanoseconds, {@code 0} (the default) for off. Redis and the in-process tier keep entries
     * this much longer.
     */
    public Builder<V> staleWhileRevalidateNanos(long nanos) {
      this.staleWhileRevalidateNanos = nanos;
      return this;
    }

    /**
     * Serve an entry for up to this long after its expiry when the delegate fails to reload it; in
     * nanoseconds, {@code 0} (the default) for off. Within the window a call still loads, and only
     * a failure of the delegate falls back to the stale value.
     */
    public Builder<V> staleIfErrorNanos(long nanos) {
      this.staleIfErrorNanos = nanos;
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
      if (!(earlyRefresh >= 0) || Double.isInfinite(earlyRefresh)) {
        throw new IllegalArgumentException(
            "earlyRefresh of cache "
                + name
                + " must be a finite number >= 0 (0 turns it off, 1.0 is usual), was "
                + earlyRefresh);
      }
      if (staleWhileRevalidateNanos < 0) {
        throw new IllegalArgumentException(
            "staleWhileRevalidateNanos of cache "
                + name
                + " must not be negative, was "
                + staleWhileRevalidateNanos);
      }
      if (staleIfErrorNanos < 0) {
        throw new IllegalArgumentException(
            "staleIfErrorNanos of cache "
                + name
                + " must not be negative, was "
                + staleIfErrorNanos);
      }
      if (sliding && (earlyRefresh > 0 || staleWhileRevalidateNanos > 0 || staleIfErrorNanos > 0)) {
        // A sliding entry's expiry moves with every read, so "before expiry" and "stale" mean
        // nothing for it.
        throw new IllegalArgumentException(
            "sliding cache "
                + name
                + " cannot also use earlyRefresh, staleWhileRevalidateNanos or staleIfErrorNanos;"
                + " use a fixed ttl, or drop those settings");
      }
      if (sliding && ttlFrom != null) {
        throw new IllegalArgumentException(
            "sliding cache " + name + " cannot also use ttlFrom; drop one of them");
      }
      return new CacheDefinition<>(this);
    }
  }
}
