package dev.cachegen.runtime.http;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates the preconditions of a request in the order of RFC 9110 section 13.2.2:
 *
 * <ol>
 *   <li>{@code If-Match}: when false, {@code 412};
 *   <li>only without {@code If-Match}, a valid {@code If-Unmodified-Since}: when false, {@code
 *       412};
 *   <li>{@code If-None-Match}: when false, {@code 304} for GET and HEAD, else {@code 412};
 *   <li>only without {@code If-None-Match}, for GET and HEAD, a valid {@code If-Modified-Since}:
 *       when false, {@code 304};
 *   <li>({@code Range} and {@code If-Range} are not supported: a full representation is always
 *       sent, which the RFC allows);
 *   <li>otherwise the method is performed.
 * </ol>
 *
 * <p>Callers evaluate preconditions only when the request without them would succeed or fail with
 * 412 (section 13.2.1); a GET of a missing resource is a 404 without looking at them.
 */
final class Preconditions {
  /** What to do with the request. */
  enum Outcome {
    /** Perform the method: every precondition held or none was given. */
    PROCEED,
    /** {@code 304 Not Modified}: the client's copy is current. GET and HEAD only. */
    NOT_MODIFIED,
    /** {@code 412 Precondition Failed}. */
    PRECONDITION_FAILED
  }

  private Preconditions() {}

  /**
   * @param method the request method, such as {@code GET}
   * @param headers every field line of a request header, by case-insensitive name; empty when
   *     absent
   * @param exists whether the target resource has a current representation
   * @param etag the current entity-tag as sent ({@code "x"} or {@code W/"x"}), or {@code null}
   * @param lastModified the current Last-Modified, whole seconds, or {@code null}
   * @param now the server's current time
   */
  static Outcome evaluate(
      String method,
      Function<String, List<String>> headers,
      boolean exists,
      String etag,
      Instant lastModified,
      Instant now) {
    boolean safeRead = method.equals("GET") || method.equals("HEAD");

    // Step 1 and 2.
    List<String> ifMatch = headers.apply("If-Match");
    if (!ifMatch.isEmpty()) {
      if (!ifMatchHolds(EntityTags.parse(ifMatch), exists, etag)) {
        return Outcome.PRECONDITION_FAILED;
      }
    } else {
      Instant since = singleDate(headers.apply("If-Unmodified-Since"), now);
      if (since != null && !ifUnmodifiedSinceHolds(since, exists, lastModified)) {
        return Outcome.PRECONDITION_FAILED;
      }
    }

    // Step 3 and 4.
    List<String> ifNoneMatch = headers.apply("If-None-Match");
    if (!ifNoneMatch.isEmpty()) {
      if (!ifNoneMatchHolds(EntityTags.parse(ifNoneMatch), exists, etag)) {
        return safeRead ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
      }
    } else if (safeRead) {
      Instant since = singleDate(headers.apply("If-Modified-Since"), now);
      if (since != null && !ifModifiedSinceHolds(since, exists, lastModified)) {
        return Outcome.NOT_MODIFIED;
      }
    }
    return Outcome.PROCEED;
  }

  /**
   * Section 13.1.1: {@code *} holds when there is a current representation; a list holds when one
   * of its tags matches the current one by strong comparison.
   */
  static boolean ifMatchHolds(EntityTags condition, boolean exists, String etag) {
    if (condition.isAny()) {
      return exists;
    }
    return exists && condition.anyStrongMatch(etag);
  }

  /**
   * Section 13.1.4: holds when the representation was not modified after the date. A recipient must
   * ignore the field when the resource has no modification date available, which includes a
   * resource that has no current representation: then it holds.
   */
  static boolean ifUnmodifiedSinceHolds(Instant since, boolean exists, Instant lastModified) {
    if (!exists || lastModified == null) {
      return true;
    }
    return !lastModified.isAfter(since);
  }

  /**
   * Section 13.1.2: {@code *} is false when there is a current representation; a list is false when
   * one of its tags matches the current one by weak comparison.
   */
  static boolean ifNoneMatchHolds(EntityTags condition, boolean exists, String etag) {
    if (condition.isAny()) {
      return !exists;
    }
    return !(exists && condition.anyWeakMatch(etag));
  }

  /**
   * Section 13.1.3: false (not modified) when the representation's modification date is earlier
   * than or equal to the date; true when it is later or unknown.
   */
  static boolean ifModifiedSinceHolds(Instant since, boolean exists, Instant lastModified) {
    if (!exists || lastModified == null) {
      return true;
    }
    return lastModified.isAfter(since);
  }

  /**
   * The date of a date-valued field, or {@code null} to ignore it: absent, not an HTTP-date, or
   * more than one member (sections 13.1.3 and 13.1.4: "appears to be a list of dates").
   */
  static Instant singleDate(List<String> fieldLines, Instant now) {
    if (fieldLines.size() != 1) {
      return null;
    }
    return HttpDates.parse(fieldLines.get(0), now);
  }
}
