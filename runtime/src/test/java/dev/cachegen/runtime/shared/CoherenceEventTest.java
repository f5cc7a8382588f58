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
      CoherenceEvent event = new CoherenceEvent("node-1", kind, "items", "app:items:3f:[a\tb]", 41);
      assertEquals(event, CoherenceEvent.decode(event.encode()));
    }
  }

  @Test
  void emptyFieldsAndTabsInTheKeyAreKept() {
    CoherenceEvent tag = new CoherenceEvent("n", Kind.TAG_INVALIDATED, "", "owner:\t[7]\t", 9);
    assertEquals(tag, CoherenceEvent.decode(tag.encode()));
  }

  @Test
  void malformedMessagesAreRejectedWithAReason() {
    assertMessage("six tab-separated fields", "1\tn\tK\t0\titems");
    assertMessage("unknown event format", "2\tn\tK\t0\titems\tkey");
    assertMessage("one letter", "1\tn\tKK\t0\titems\tkey");
    assertMessage("not a number", "1\tn\tK\tx\titems\tkey");
    assertMessage("unknown event kind", "1\tn\tZ\t0\titems\tkey");
  }

  @Test
  void cacheNamesAndPublishersCannotCarryTheSeparator() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CoherenceEvent("n\t1", Kind.KEY_CHANGED, "items", "k", 0));
  }

  private static void assertMessage(String expected, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CoherenceEvent.decode(message));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
