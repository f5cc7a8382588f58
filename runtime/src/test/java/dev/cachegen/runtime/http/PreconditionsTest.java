package dev.cachegen.runtime.http;

import static dev.cachegen.runtime.http.Preconditions.Outcome.NOT_MODIFIED;
import static dev.cachegen.runtime.http.Preconditions.Outcome.PRECONDITION_FAILED;
import static dev.cachegen.runtime.http.Preconditions.Outcome.PROCEED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachegen.runtime.http.Preconditions.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every branch of RFC 9110 section 13.2.2, one test per rule; each test is named after the rule it
 * checks and says the section.
 */
class PreconditionsTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Instant MODIFIED = Instant.parse("2026-11-20T10:00:00Z");
  private static final String AT_MODIFIED = "Fri, 20 Nov 2026 10:00:00 GMT";
  private static final String BEFORE_MODIFIED = "Fri, 20 Nov 2026 09:59:59 GMT";
  private static final String AFTER_MODIFIED = "Fri, 20 Nov 2026 10:00:01 GMT";
  private static final String ETAG = "\"v1\"";
  private static final String WEAK_ETAG = "W/\"v1\"";

  /** A request: method plus header lines, names case-insensitive. */
  private static final class Request {
    private final String method;
    private final Map<String, List<String>> headers = new TreeMap<>();

    Request(String method) {
      this.method = method;
    }

    Request with(String name, String value) {
      headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
      return this;
    }

    Outcome against(boolean exists, String etag, Instant lastModified) {
      return Preconditions.evaluate(
          method,
          name -> headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()),
          exists,
          etag,
          lastModified,
          NOW);
    }

    /** Against an existing representation with a strong tag and a modification date. */
    Outcome againstCurrent() {
      return against(true, ETAG, MODIFIED);
    }
  }

  private static Request get() {
    return new Request("GET");
  }

  private static Request head() {
    return new Request("HEAD");
  }

  private static Request put() {
    return new Request("PUT");
  }

  @Test
  void noPreconditions_performTheMethod_13_2_2_step6() {
    assertEquals(PROCEED, get().againstCurrent());
    assertEquals(PROCEED, put().againstCurrent());
    assertEquals(PROCEED, put().against(false, null, null));
  }

  @Nested
  class IfMatch_13_1_1 {
    @Test
    void star_isTrue_whenThereIsACurrentRepresentation() {
      assertEquals(PROCEED, put().with("If-Match", "*").againstCurrent());
    }

    @Test
    void star_isFalse_whenThereIsNoCurrentRepresentation_412() {
      assertEquals(PRECONDITION_FAILED, put().with("If-Match", "*").against(false, null, null));
    }

    @Test
    void listedTag_strongMatch_isTrue() {
      assertEquals(PROCEED, put().with("If-Match", ETAG).againstCurrent());
    }

    @Test
    void list_isTrue_whenAnyMemberMatches() {
      assertEquals(PROCEED, put().with("If-Match", "\"v0\", \"v1\", \"v2\"").againstCurrent());
      assertEquals(
          PROCEED, put().with("If-Match", "\"v0\"").with("If-Match", ETAG).againstCurrent());
    }

    @Test
    void usesStrongComparison_weakRequestTagNeverMatches_412() {
      assertEquals(PRECONDITION_FAILED, put().with("If-Match", WEAK_ETAG).againstCurrent());
    }

    @Test
    void usesStrongComparison_weakCurrentTagNeverMatches_412() {
      assertEquals(
          PRECONDITION_FAILED,
          put().with("If-Match", WEAK_ETAG).against(true, WEAK_ETAG, MODIFIED));
      assertEquals(
          PRECONDITION_FAILED, put().with("If-Match", ETAG).against(true, WEAK_ETAG, MODIFIED));
    }

    @Test
    void noMemberMatches_isFalse_412() {
      assertEquals(PRECONDITION_FAILED, put().with("If-Match", "\"v0\"").againstCurrent());
    }

    @Test
    void false_isA412_evenForGet_notA304() {
      assertEquals(PRECONDITION_FAILED, get().with("If-Match", "\"v0\"").againstCurrent());
    }

    @Test
    void listedTag_withoutACurrentEntityTag_isFalse_412() {
      assertEquals(PRECONDITION_FAILED, put().with("If-Match", ETAG).against(true, null, MODIFIED));
    }

    @Test
    void malformedValue_matchesNothing_412() {
      assertEquals(PRECONDITION_FAILED, put().with("If-Match", "v1").againstCurrent());
      assertEquals(PRECONDITION_FAILED, put().with("If-Match", "\"v1\", *").againstCurrent());
    }
  }

  @Nested
  class IfUnmodifiedSince_13_1_4 {
    @Test
    void notModifiedAfterTheDate_isTrue() {
      assertEquals(PROCEED, put().with("If-Unmodified-Since", AT_MODIFIED).againstCurrent());
      assertEquals(PROCEED, put().with("If-Unmodified-Since", AFTER_MODIFIED).againstCurrent());
    }

    @Test
    void modifiedAfterTheDate_isFalse_412() {
      assertEquals(
          PRECONDITION_FAILED, put().with("If-Unmodified-Since", BEFORE_MODIFIED).againstCurrent());
    }

    @Test
    void ignored_whenIfMatchIsPresent_13_2_2_step2() {
      // The date alone would fail; If-Match holds and takes precedence.
      assertEquals(
          PROCEED,
          put()
              .with("If-Match", ETAG)
              .with("If-Unmodified-Since", BEFORE_MODIFIED)
              .againstCurrent());
    }

    @Test
    void ignored_whenNotAValidHttpDate() {
      assertEquals(PROCEED, put().with("If-Unmodified-Since", "yesterday").againstCurrent());
    }

    @Test
    void ignored_whenTheValueIsAListOfDates() {
      assertEquals(
          PROCEED,
          put()
              .with("If-Unmodified-Since", BEFORE_MODIFIED)
              .with("If-Unmodified-Since", BEFORE_MODIFIED)
              .againstCurrent());
    }

    @Test
    void ignored_whenTheResourceHasNoModificationDate() {
      assertEquals(
          PROCEED, put().with("If-Unmodified-Since", BEFORE_MODIFIED).against(false, null, null));
      assertEquals(
          PROCEED, put().with("If-Unmodified-Since", BEFORE_MODIFIED).against(true, ETAG, null));
    }
  }

  @Nested
  class IfNoneMatch_13_1_2 {
    @Test
    void listedTag_weakMatch_isFalse_304ForGet() {
      assertEquals(NOT_MODIFIED, get().with("If-None-Match", ETAG).againstCurrent());
    }

    @Test
    void false_is304ForHead() {
      assertEquals(NOT_MODIFIED, head().with("If-None-Match", ETAG).againstCurrent());
    }

    @Test
    void false_is412ForOtherMethods() {
      assertEquals(PRECONDITION_FAILED, put().with("If-None-Match", ETAG).againstCurrent());
      assertEquals(
          PRECONDITION_FAILED, new Request("POST").with("If-None-Match", ETAG).againstCurrent());
    }

    @Test
    void usesWeakComparison_weakRequestTagMatchesStrongCurrent() {
      assertEquals(NOT_MODIFIED, get().with("If-None-Match", WEAK_ETAG).againstCurrent());
    }

    @Test
    void usesWeakComparison_strongRequestTagMatchesWeakCurrent() {
      assertEquals(
          NOT_MODIFIED, get().with("If-None-Match", ETAG).against(true, WEAK_ETAG, MODIFIED));
    }

    @Test
    void list_isFalse_whenAnyMemberMatches() {
      assertEquals(NOT_MODIFIED, get().with("If-None-Match", "\"v0\", W/\"v1\"").againstCurrent());
    }

    @Test
    void noMemberMatches_isTrue_proceed() {
      assertEquals(PROCEED, get().with("If-None-Match", "\"v0\", \"v2\"").againstCurrent());
    }

    @Test
    void star_isFalse_whenThereIsACurrentRepresentation() {
      assertEquals(NOT_MODIFIED, get().with("If-None-Match", "*").againstCurrent());
      assertEquals(PRECONDITION_FAILED, put().with("If-None-Match", "*").againstCurrent());
    }

    @Test
    void star_isTrue_whenThereIsNoCurrentRepresentation() {
      assertEquals(PROCEED, put().with("If-None-Match", "*").against(false, null, null));
    }

    @Test
    void listedTag_withoutACurrentEntityTag_isTrue() {
      assertEquals(PROCEED, get().with("If-None-Match", ETAG).against(true, null, MODIFIED));
    }

    @Test
    void malformedValue_matchesNothing_proceed() {
      assertEquals(PROCEED, get().with("If-None-Match", "v1").againstCurrent());
      assertEquals(PROCEED, get().with("If-None-Match", "\"v1").againstCurrent());
    }
  }

  @Nested
  class IfModifiedSince_13_1_3 {
    @Test
    void notModifiedAfterTheDate_isFalse_304() {
      assertEquals(NOT_MODIFIED, get().with("If-Modified-Since", AT_MODIFIED).againstCurrent());
      assertEquals(NOT_MODIFIED, get().with("If-Modified-Since", AFTER_MODIFIED).againstCurrent());
      assertEquals(NOT_MODIFIED, head().with("If-Modified-Since", AT_MODIFIED).againstCurrent());
    }

    @Test
    void modifiedAfterTheDate_isTrue_proceed() {
      assertEquals(PROCEED, get().with("If-Modified-Since", BEFORE_MODIFIED).againstCurrent());
    }

    @Test
    void acceptsTheObsoleteDateFormats() {
      assertEquals(
          NOT_MODIFIED,
          get().with("If-Modified-Since", "Friday, 20-Nov-26 10:00:00 GMT").againstCurrent());
      assertEquals(
          NOT_MODIFIED,
          get().with("If-Modified-Since", "Fri Nov 20 10:00:00 2026").againstCurrent());
    }

    @Test
    void ignored_whenIfNoneMatchIsPresent_13_2_2_step4() {
      // The date alone would give 304; If-None-Match does not match, so the answer is a 200.
      assertEquals(
          PROCEED,
          get()
              .with("If-None-Match", "\"v0\"")
              .with("If-Modified-Since", AT_MODIFIED)
              .againstCurrent());
    }

    @Test
    void ignored_whenNotAValidHttpDate() {
      assertEquals(PROCEED, get().with("If-Modified-Since", "not a date").againstCurrent());
      assertEquals(
          PROCEED,
          get().with("If-Modified-Since", "Fri, 20 Nov 2026 10:00:00 UTC").againstCurrent());
    }

    @Test
    void ignored_whenTheValueHasMoreThanOneMember() {
      assertEquals(
          PROCEED,
          get()
              .with("If-Modified-Since", AT_MODIFIED)
              .with("If-Modified-Since", AT_MODIFIED)
              .againstCurrent());
    }

    @Test
    void ignored_forMethodsOtherThanGetAndHead() {
      assertEquals(PROCEED, put().with("If-Modified-Since", AT_MODIFIED).againstCurrent());
    }

    @Test
    void withoutAModificationDate_isTrue_proceed() {
      assertEquals(PROCEED, get().with("If-Modified-Since", AT_MODIFIED).against(true, ETAG, null));
    }
  }

  @Nested
  class EvaluationOrder_13_2_2 {
    @Test
    void step1_ifMatchFailure_winsOverAMatchingIfNoneMatch() {
      assertEquals(
          PRECONDITION_FAILED,
          get().with("If-Match", "\"v0\"").with("If-None-Match", ETAG).againstCurrent());
    }

    @Test
    void step1_ifMatchHolds_thenStep3_ifNoneMatchDecides() {
      assertEquals(
          NOT_MODIFIED, get().with("If-Match", ETAG).with("If-None-Match", ETAG).againstCurrent());
    }

    @Test
    void step2_ifUnmodifiedSinceFailure_winsOverIfNoneMatch() {
      assertEquals(
          PRECONDITION_FAILED,
          get()
              .with("If-Unmodified-Since", BEFORE_MODIFIED)
              .with("If-None-Match", ETAG)
              .againstCurrent());
    }

    @Test
    void step2_ifUnmodifiedSinceFailure_winsOverIfModifiedSince() {
      assertEquals(
          PRECONDITION_FAILED,
          get()
              .with("If-Unmodified-Since", BEFORE_MODIFIED)
              .with("If-Modified-Since", AT_MODIFIED)
              .againstCurrent());
    }

    @Test
    void step2_ifUnmodifiedSinceHolds_thenStep4_ifModifiedSinceDecides() {
      assertEquals(
          NOT_MODIFIED,
          get()
              .with("If-Unmodified-Since", AFTER_MODIFIED)
              .with("If-Modified-Since", AT_MODIFIED)
              .againstCurrent());
    }
  }
}
