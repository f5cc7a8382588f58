package dev.cachegen.runtime.http;

import dev.cachegen.annotations.ETag;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the answers of one method are served over HTTP: the {@code Cache-Control} header value, the
 * kind of entity tag, {@code Vary}, and where {@code Last-Modified} comes from. Immutable and
 * thread-safe; generated code holds one per {@code @CacheControl} method as a constant.
 *
 * <pre>{@code
 * static final HttpCachePolicy<Item> FIND =
 *     HttpCachePolicy.builder(Item.class)
 *         .cacheControl("public, max-age=60, s-maxage=300")
 *         .etag(ETag.STRONG)
 *         .vary("Accept-Encoding")
 *         .lastModified(Item::updatedAt)
 *         .build();
 * }</pre>
 *
 * <p>The {@code Cache-Control} value is taken as written, since the cachegen processor computes it
 * from {@code @CacheControl} at compile time; {@link Builder#build()} only checks that it is a
 * well-formed directive list and notes whether it holds {@code no-store}. With {@link
 * Builder#maxAgeFromTtl}, each response adds the {@code max-age} its value has left.
 *
 * @param <V> the type of the served values
 */
public final class HttpCachePolicy<V> {
  private final Type valueType;
  private final String cacheControl;
  private final boolean noStore;
  private final ETag etag;
  private final String vary;
  private final Function<? super V, Instant> lastModified;
  private final ValueTtl<? super V> valueTtl;
  private final long longestMillis;

  /** With {@link #valueTtl}: the directives before {@code max-age}'s place, and after it. */
  private final String beforeMaxAge;

  private final String afterMaxAge;

  private HttpCachePolicy(Builder<V> builder, boolean noStore, int maxAgeAt) {
    this.valueType = builder.valueType;
    this.cacheControl = builder.cacheControl;
    this.noStore = noStore;
    this.etag = builder.etag;
    this.vary = builder.vary.isEmpty() ? null : String.join(", ", builder.vary);
    this.lastModified = builder.lastModified;
    this.valueTtl = builder.valueTtl;
    this.longestMillis = builder.longestMillis;
    this.beforeMaxAge = cacheControl.substring(0, maxAgeAt).replaceFirst("[\\s,]+$", "");
    this.afterMaxAge = cacheControl.substring(maxAgeAt).strip();
  }

  /** Starts a policy for values of {@code valueType}. */
  public static <V> Builder<V> builder(Class<V> valueType) {
    return new Builder<>(valueType);
  }

  /**
   * Starts a policy for values of a generic type, such as {@code List<Item>} built with {@link
   * dev.cachegen.runtime.internal.Types}: {@code HttpCachePolicy.<List<Item>>builder(type)}.
   */
  public static <V> Builder<V> builder(Type valueType) {
    return new Builder<>(valueType);
  }

  /** The declared type of the values, which the codec encodes. */
  public Type valueType() {
    return valueType;
  }

  /**
   * The {@code Cache-Control} field value, such as {@code public, max-age=60}; with {@link
   * #maxAgeFromTtl()}, without the {@code max-age} each response adds.
   */
  public String cacheControl() {
    return cacheControl;
  }

  /** Whether {@code max-age} is the time each served value has left to live. */
  public boolean maxAgeFromTtl() {
    return valueTtl != null;
  }

  /**
   * Until when a response with {@code value}, first served at {@code nowMillis}, is fresh: its
   * {@link ValueTtl} from then, at most the longest ttl; {@code Long.MAX_VALUE} without {@link
   * #maxAgeFromTtl()}. A ttl that fails counts as not given.
   */
  long freshUntilMillis(V value, long nowMillis) {
    if (valueTtl == null) {
      return Long.MAX_VALUE;
    }
    long ttl;
    try {
      ttl = valueTtl.ttlMillis(value, nowMillis);
    } catch (RuntimeException e) {
      ttl = ValueTtl.NOT_GIVEN;
    }
    long bounded = ttl == ValueTtl.NOT_GIVEN ? longestMillis : Math.min(ttl, longestMillis);
    return nowMillis + Math.max(0, bounded);
  }

  /** The {@code Cache-Control} of a response fresh until {@code freshUntilMillis}. */
  String cacheControl(long freshUntilMillis, long nowMillis) {
    if (valueTtl == null) {
      return cacheControl;
    }
    long maxAge = Math.max(0, freshUntilMillis - nowMillis) / 1000;
    StringBuilder value = new StringBuilder(cacheControl.length() + 16);
    if (!beforeMaxAge.isEmpty()) {
      value.append(beforeMaxAge).append(", ");
    }
    value.append("max-age=").append(maxAge);
    if (!afterMaxAge.isEmpty()) {
      value.append(", ").append(afterMaxAge);
    }
    return value.toString();
  }

  /** Whether {@link #cacheControl()} holds the {@code no-store} directive. */
  public boolean noStore() {
    return noStore;
  }

  /** The kind of entity tag sent. */
  public ETag etag() {
    return etag;
  }

  /** The {@code Vary} field value, or {@code null} when the response varies on nothing. */
  public String vary() {
    return vary;
  }

  /** The accessor that tells when a value last changed, or {@code null} for "when stored". */
  Function<? super V, Instant> lastModifiedAccessor() {
    return lastModified;
  }

  @Override
  public String toString() {
    return "HttpCachePolicy[type="
        + valueType.getTypeName()
        + ", cacheControl="
        + cacheControl
        + ", etag="
        + etag
        + ", vary="
        + vary
        + ", lastModified="
        + (lastModified == null ? "stored-at" : "accessor")
        + (valueTtl == null ? "" : ", maxAgeFromTtl")
        + "]";
  }

  /**
   * How long a value stays fresh, read from the value: the {@code ttlFrom} of {@code @Cached}, as
   * generated code compiles it.
   *
   * @param <V> the type of the values
   */
  @FunctionalInterface
  public interface ValueTtl<V> {
    /**
     * Returned when the value does not say (a {@code null} on the way): the longest ttl applies.
     */
    long NOT_GIVEN = Long.MIN_VALUE;

    /**
     * How long {@code value}, served at {@code nowMillis}, stays fresh, in milliseconds: zero or
     * less when it has already expired, or {@link #NOT_GIVEN}.
     */
    long ttlMillis(V value, long nowMillis);
  }

  /**
   * Configures an {@link HttpCachePolicy}. Every setting is checked as it is given; a mistake names
   * the setting.
   *
   * @param <V> the type of the served values
   */
  public static final class Builder<V> {
    private final Type valueType;
    private String cacheControl;
    private ETag etag = ETag.STRONG;
    private final List<String> vary = new ArrayList<>();
    private Function<? super V, Instant> lastModified;
    private ValueTtl<? super V> valueTtl;
    private long longestMillis;

    private Builder(Type valueType) {
      this.valueType = Objects.requireNonNull(valueType, "valueType");
    }

    /**
     * The {@code Cache-Control} field value, exactly as sent, such as {@code "public, max-age=60"}
     * or {@code "no-store"}. Required.
     *
     * @throws IllegalArgumentException if it is not a comma-separated list of directives ({@code
     *     token} or {@code token=value}, RFC 9111 section 5.2)
     */
    public Builder<V> cacheControl(String value) {
      Objects.requireNonNull(value, "cacheControl");
      directives(value);
      this.cacheControl = value;
      return this;
    }

    /** The kind of entity tag: {@link ETag#STRONG} (the default), {@link ETag#WEAK} or none. */
    public Builder<V> etag(ETag etag) {
      this.etag = Objects.requireNonNull(etag, "etag");
      return this;
    }

    /**
     * Request headers the response depends on, sent as {@code Vary}; may be called more than once.
     * {@code "*"} says the response depends on more than headers.
     *
     * @throws IllegalArgumentException if a name is not a header name
     */
    public Builder<V> vary(String... headerNames) {
      for (String name : headerNames) {
        Objects.requireNonNull(name, "vary");
        if (!name.equals("*") && !isToken(name)) {
          throw new IllegalArgumentException(
              "vary(\"" + name + "\"): not a header name; use a name such as \"Accept-Encoding\"");
        }
        if (!vary.contains(name)) {
          vary.add(name);
        }
      }
      return this;
    }

    /**
     * Where {@code Last-Modified} comes from: an accessor of the value, such as {@code
     * Item::updatedAt}. By default it is the time the value was first served, which for a value
     * from a cache is when it was stored. A {@code null} from the accessor falls back to that too.
     */
    public Builder<V> lastModified(Function<? super V, Instant> accessor) {
      this.lastModified = Objects.requireNonNull(accessor, "lastModified");
      return this;
    }

    /**
     * Sends as {@code max-age} the time each value has left to live: {@code ttl} of the value from
     * when this policy's handler first served it, at most {@code longest}, counted down on every
     * response. The {@code cacheControl} value then holds no {@code max-age}; the directive goes
     * after {@code public}/{@code private} and {@code no-cache}. Generated code passes the method's
     * {@code @Cached(ttlFrom)} and {@code ttl}.
     *
     * @throws IllegalArgumentException if {@code longest} is not positive
     */
    public Builder<V> maxAgeFromTtl(ValueTtl<? super V> ttl, Duration longest) {
      Objects.requireNonNull(ttl, "maxAgeFromTtl");
      Objects.requireNonNull(longest, "longest");
      if (longest.isNegative() || longest.isZero()) {
        throw new IllegalArgumentException(
            "maxAgeFromTtl(ttl, " + longest + "): the longest ttl must be positive");
      }
      this.valueTtl = ttl;
      this.longestMillis = longest.toMillis();
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalStateException if {@link #cacheControl(String)} was not given, or with {@link
     *     #maxAgeFromTtl} if it holds {@code max-age} or {@code no-store}
     */
    public HttpCachePolicy<V> build() {
      if (cacheControl == null) {
        throw new IllegalStateException(
            "cacheControl: required; say how clients may cache, for example"
                + " cacheControl(\"private, max-age=60\") or cacheControl(\"no-store\")");
      }
      List<Directive> directives = directives(cacheControl);
      boolean noStore = directives.stream().anyMatch(d -> d.name().equals("no-store"));
      int maxAgeAt = cacheControl.length();
      if (valueTtl != null) {
        for (Directive directive : directives) {
          if (directive.name().equals("no-store") || directive.name().equals("max-age")) {
            throw new IllegalStateException(
                "cacheControl(\""
                    + cacheControl
                    + "\") holds "
                    + directive.name()
                    + ", but maxAgeFromTtl sends a max-age of its own; remove it");
          }
        }
        maxAgeAt =
            directives.stream()
                .filter(d -> !List.of("public", "private", "no-cache").contains(d.name()))
                .findFirst()
                .map(Directive::start)
                .orElse(cacheControl.length());
      }
      return new HttpCachePolicy<>(this, noStore, maxAgeAt);
    }

    /** A directive of a Cache-Control value: its lower-cased name and where it starts. */
    private record Directive(String name, int start) {}

    /** The directives of a Cache-Control value; throws when malformed. */
    private static List<Directive> directives(String value) {
      List<Directive> names = new ArrayList<>();
      int i = 0;
      int length = value.length();
      while (i < length) {
        char c = value.charAt(i);
        if (c == ',' || c == ' ' || c == '\t') {
          i++;
          continue;
        }
        int start = i;
        while (i < length && isTchar(value.charAt(i))) {
          i++;
        }
        if (i == start) {
          throw malformed(value, "expected a directive name at position " + start);
        }
        names.add(new Directive(value.substring(start, i).toLowerCase(Locale.ROOT), start));
        if (i < length && value.charAt(i) == '=') {
          i++;
          if (i < length && value.charAt(i) == '"') {
            i++;
            while (i < length && value.charAt(i) != '"') {
              if (value.charAt(i) == '\\') {
                i++;
              }
              if (i < length && !isQdtext(value.charAt(i))) {
                throw malformed(value, "invalid character in a quoted value at position " + i);
              }
              i++;
            }
            if (i >= length) {
              throw malformed(value, "unterminated quoted value");
            }
            i++;
          } else {
            int valueStart = i;
            while (i < length && isTchar(value.charAt(i))) {
              i++;
            }
            if (i == valueStart) {
              throw malformed(value, "expected a value after '=' at position " + valueStart);
            }
          }
        }
        while (i < length && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
          i++;
        }
        if (i < length && value.charAt(i) != ',') {
          throw malformed(value, "expected ',' at position " + i);
        }
      }
      if (names.isEmpty()) {
        throw malformed(value, "no directive");
      }
      return names;
    }

    private static IllegalArgumentException malformed(String value, String why) {
      return new IllegalArgumentException(
          "cacheControl(\""
              + value
              + "\"): not a Cache-Control value ("
              + why
              + "); write directives such as \"public, max-age=60\"");
    }

    private static boolean isToken(String text) {
      if (text.isEmpty()) {
        return false;
      }
      for (int i = 0; i < text.length(); i++) {
        if (!isTchar(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    /** tchar of RFC 9110 section 5.6.2. */
    private static boolean isTchar(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isQdtext(char c) {
      return c == '\t' || (c >= 0x20 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }
  }
}
