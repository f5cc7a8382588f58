package dev.cachegen.runtime.http;

import dev.cachegen.annotations.ETag;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * One value as HTTP sends it: the encoded body, its content type and its validators. Built once per
 * cached value by {@link HttpCacheHandler} and reused for every request that gets the same value,
 * so the body is encoded and hashed once, not once per request. Immutable.
 */
public final class Representation {
  /** 16 of SHA-256's 32 bytes: 128 bits, far beyond any chance of two bodies sharing a tag. */
  private static final int TAG_BYTES = 16;

  private final byte[] body;
  private final String contentType;
  private final String etag;
  private final Instant lastModified;
  private final long freshUntilMillis;

  private Representation(
      byte[] body, String contentType, String etag, Instant lastModified, long freshUntilMillis) {
    this.body = body;
    this.contentType = contentType;
    this.etag = etag;
    this.lastModified = lastModified;
    this.freshUntilMillis = freshUntilMillis;
  }

  /**
   * A representation of {@code body}, which it keeps without copying: the caller must not change
   * the array afterwards.
   *
   * @param kind which entity tag to compute from the bytes
   * @param lastModified when the value last changed; kept in whole seconds, as HTTP dates are
   * @param freshUntilMillis until when the value is fresh, for a policy whose {@code max-age}
   *     counts down; else {@code Long.MAX_VALUE}
   */
  static Representation of(
      byte[] body, String contentType, ETag kind, Instant lastModified, long freshUntilMillis) {
    Objects.requireNonNull(body, "body");
    String tag =
        switch (kind) {
          case STRONG -> '"' + opaqueTag(body) + '"';
          case WEAK -> "W/\"" + opaqueTag(body) + '"';
          case NONE -> null;
        };
    return new Representation(
        body,
        contentType,
        tag,
        Instant.ofEpochSecond(lastModified.getEpochSecond()),
        freshUntilMillis);
  }

  /** The media type of the body, such as {@code application/json}. */
  public String contentType() {
    return contentType;
  }

  /** The entity-tag as sent ({@code "..."} or {@code W/"..."}), or {@code null} with none. */
  public String etag() {
    return etag;
  }

  /** When the value last changed, in whole seconds. */
  public Instant lastModified() {
    return lastModified;
  }

  /** Until when the value is fresh, in epoch milliseconds, when its max-age counts down. */
  long freshUntilMillis() {
    return freshUntilMillis;
  }

  /** The body's length in bytes. */
  public int length() {
    return body.length;
  }

  /** Writes the body to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(body);
  }

  /** A copy of the body. */
  public byte[] body() {
    return body.clone();
  }

  /**
   * The opaque part of an entity-tag for {@code bytes}: the first 128 bits of their SHA-256, in
   * unpadded base64url, 22 characters that are all valid {@code etagc}.
   */
  static String opaqueTag(byte[] bytes) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    byte[] digest = sha256.digest(bytes);
    byte[] truncated = new byte[TAG_BYTES];
    System.arraycopy(digest, 0, truncated, 0, TAG_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(truncated);
  }

  @Override
  public String toString() {
    return "Representation["
        + contentType
        + ", "
        + body.length
        + " bytes, etag="
        + etag
        + ", lastModified="
        + lastModified
        + "]";
  }
}
