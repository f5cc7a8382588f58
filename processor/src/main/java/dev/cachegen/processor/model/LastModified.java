package dev.cachegen.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * The accessor of a served value that tells when it last changed, and how its result becomes an
 * {@code Instant}.
 *
 * @param method the no-arg method to call, such as {@code updatedAt} or {@code getUpdatedAt}
 * @param returnType what it returns, as a member of the value type
 * @param conversion how that becomes an {@code Instant}
 */
public record LastModified(String method, TypeMirror returnType, Conversion conversion) {

  /** How an accessor's result becomes an {@code Instant}. */
  public enum Conversion {
    /** It is an {@code Instant}: the accessor is used as it is. */
    NONE,
    /** An {@code OffsetDateTime} or {@code ZonedDateTime}: {@code toInstant()}, null-safe. */
    TO_INSTANT,
    /**
     * A {@code java.util.Date} or subclass: {@code Instant.ofEpochMilli(getTime())}, null-safe; not
     * {@code toInstant()}, which {@code java.sql.Date} refuses.
     */
    EPOCH_MILLIS
  }
}
