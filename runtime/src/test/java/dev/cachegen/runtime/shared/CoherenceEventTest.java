package dev.cachegen.runtime.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.shared.CoherenceEvent.Kind;
import org.junit.jupiter.api.Test;

class CoherenceEventTest {

  @Test
  void everyKindSurvivesTheWire() {
    for (Kind kind : Kind.values()) {
      CoherenceEvent event =
          new CoherenceEvent("node-1", 7, kind, "items", "app:items:3f:[a\tb]", 41);
      assertEquals(event, CoherenceEvent.decode(event.encode()));
    }
  }

  @Test
  void emptyFieldsAndTabsInTheKeyAreKept() {
    CoherenceEvent tag = new CoherenceEvent("n", 1, Kind.TAG_INVALIDATED, "", "owner:\t[7]\t", 9);
    assertEquals(tag, CoherenceEvent.decode(tag.encode()));
  }

  @Test
  void malformedMessagesAreRejectedWithAReason() {
    assertMessage("seven tab-separated fields", "2\tn\t1\tK\t0\titems");
    assertMessage("unknown event format", "1\tn\t1\tK\t0\titems\tkey");
    assertMessage("one letter", "2\tn\t1\tKK\t0\titems\tkey");
    assertMessage("not a number", "2\tn\t1\tK\tx\titems\tkey");
    assertMessage("not a number", "2\tn\tx\tK\t0\titems\tkey");
    assertMessage("unknown event kind", "2\tn\t1\tZ\t0\titems\tkey");
  }

  @Test
  void sequencesCountPerCacheTagsTogetherAndWakeUpsNot() {
    assertEquals("items", new CoherenceEvent("n", 1, Kind.KEY_CHANGED, "items", "k", 0).scope());
    assertEquals(
        "items", new CoherenceEvent("n", 1, Kind.GENERATION_ADVANCED, "items", "", 3).scope());
    assertEquals("", new CoherenceEvent("n", 1, Kind.TAG_INVALIDATED, "", "t", 3).scope());
    assertEquals(null, new CoherenceEvent("n", 0, Kind.LOCK_RELEASED, "items", "k", 0).scope());
  }

  @Test
  void cacheNamesAndPublishersCannotCarryTheSeparator() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CoherenceEvent("n\t1", 1, Kind.KEY_CHANGED, "items", "k", 0));
  }

  private static void assertMessage(String expected, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CoherenceEvent.decode(message));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
