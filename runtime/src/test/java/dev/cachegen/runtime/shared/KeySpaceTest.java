package dev.cachegen.runtime.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.internal.SharedKeyBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/** The claims of {@link KeySpace}'s Javadoc, checked on many generated names. */
class KeySpaceTest {
  private static final String NAME_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
  private static final String HEX = "0123456789abcdef";
  private static final String ANY = NAME_CHARS + ":!{}[]\\\t wbgenlocktag";

  private final KeySpace keys = new KeySpace("app");

  @Test
  void namesEveryKindOfKey() {
    String entry =
        new SharedKeyBuilder(keys.entryNamespace("items", "3f9c"), KeySpace.ENTRY_END)
            .value(42L)
            .build();
    assertEquals("app:{items:3f9c:[42]}", entry);
    assertEquals("app:!lock:{items:3f9c:[42]}", keys.lockKey(entry));
    assertEquals("app:!wait:{items:3f9c:[42]}", keys.waitKey(entry));
    assertEquals(
        new LockKeys(entry, keys.lockKey(entry), keys.waitKey(entry)), keys.lockKeys(entry));
    assertEquals("app:!gen:items", keys.generationKey("items"));
    assertEquals("app:!tag:owner:[7]", keys.tagKey("owner:[7]"));
    assertEquals("app:!events", keys.eventChannel());
    assertEquals("app:wb:{saves}", keys.writeBehindStream("saves"));
    assertEquals("app:wb:{saves}:latest", keys.writeBehindLatest("saves"));
    assertEquals("app:wb:{saves}:dead", keys.writeBehindDead("saves"));
  }

  @Test
  void aReportedKeyIsToldBackToItsKind() {
    String entry = new SharedKeyBuilder(keys.entryNamespace("items", "3f9c")).value("a:b").build();
    assertEquals("app:", keys.trackedPrefix());
    assertEquals("items", keys.entryCache(entry));
    assertEquals("wb", keys.entryCache(keys.entryNamespace("wb", "3f9c") + "[1]"));
    assertEquals("items", keys.generationCache(keys.generationKey("items")));
    assertEquals("owner:[7]", keys.tagOf(keys.tagKey("owner:[7]")));
    for (String other :
        new String[] {
          keys.lockKey(entry),
          keys.generationKey("items"),
          keys.tagKey("t"),
          keys.writeBehindStream("saves"),
          keys.writeBehindLatest("saves"),
          "app:!probe:1",
          "app:",
          "app:items",
          "apple:items:3f9c:[1]",
          "other:items:3f9c:[1]"
        }) {
      assertNull(keys.entryCache(other), other);
    }
    assertNull(keys.generationCache(keys.tagKey("items")));
    assertNull(keys.generationCache("app:!gen:"));
    assertNull(keys.tagOf(entry));
  }

  @Test
  void kindsNeverMeet() {
    // Adversarial names: caches called like the reserved kinds, tags that look like entry keys.
    Random random = new Random(20261202);
    Map<String, String> owner = new HashMap<>();
    List<String> names = new ArrayList<>(List.of("wb", "gen", "tag", "lock", "events", "!x"));
    for (int i = 0; i < 300; i++) {
      names.add(random(random, NAME_CHARS, 1 + random.nextInt(6)));
    }
    for (String name : names) {
      if (name.startsWith("!")) {
        continue; // not a valid cache name; kept out like CacheDefinition keeps it out
      }
      for (int i = 0; i < 20; i++) {
        String shape = random(random, HEX, 1 + random.nextInt(8));
        String template = random(random, ANY, random.nextInt(8));
        String entry =
            new SharedKeyBuilder(keys.entryNamespace(name, shape), KeySpace.ENTRY_END)
                .literal(template)
                .value(random(random, ANY, random.nextInt(5)))
                .build();
        claim(owner, entry, "entry " + name);
        claim(owner, keys.lockKey(entry), "lock " + entry);
        claim(owner, keys.waitKey(entry), "wait " + entry);
        claim(owner, keys.tagKey(entry.substring(4)), "tag like an entry");
        claim(owner, keys.tagKey(template), "tag " + template);
      }
      claim(owner, keys.generationKey(name), "generation " + name);
      claim(owner, keys.writeBehindStream(name), "stream " + name);
      claim(owner, keys.writeBehindLatest(name), "latest " + name);
      claim(owner, keys.writeBehindDead(name), "dead " + name);
    }
    claim(owner, keys.eventChannel(), "channel");
  }

  @Test
  void rejectsPrefixesThatCouldMeetOtherPrefixes() {
    assertThrows(IllegalArgumentException.class, () -> new KeySpace("a:b"));
    assertThrows(IllegalArgumentException.class, () -> new KeySpace(""));
    assertThrows(IllegalArgumentException.class, () -> keys.lockKey("other:{items:1:[1]}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> keys.lockKey("app:items:1:[1]"),
        "an entry key of 0.2, without its hash tag");
  }

  /**
   * An entry, its lock and its wait key hash to one Redis Cluster slot, whatever the key holds:
   * braces of either kind, a value that starts with a closing brace, no value at all, a tail long
   * enough to be shortened. The lock scripts touch all three.
   */
  @Test
  void anEntryItsLockAndItsWaitKeyShareASlot() {
    Random random = new Random(20261203);
    List<String> values =
        new ArrayList<>(List.of("", "}", "{", "}{", "{}", "a}b{c}", "x".repeat(300)));
    for (int i = 0; i < 500; i++) {
      values.add(random(random, ANY, random.nextInt(12)));
    }
    Set<Integer> slots = new HashSet<>();
    for (String value : values) {
      for (String literal : List.of("", "}", "{x}", "user:")) {
        String entry =
            new SharedKeyBuilder(keys.entryNamespace("items", "3f9c"), KeySpace.ENTRY_END)
                .literal(literal)
                .value(value)
                .build();
        int slot = JedisClusterCRC16.getSlot(entry);
        assertEquals(slot, JedisClusterCRC16.getSlot(keys.lockKey(entry)), entry);
        assertEquals(slot, JedisClusterCRC16.getSlot(keys.waitKey(entry)), entry);
        slots.add(slot);
      }
      String empty =
          new SharedKeyBuilder(keys.entryNamespace("items", "3f9c"), KeySpace.ENTRY_END).build();
      assertEquals(
          JedisClusterCRC16.getSlot(empty), JedisClusterCRC16.getSlot(keys.lockKey(empty)));
    }
    assertTrue(slots.size() > 400, "entries still spread over the slots: " + slots.size());
  }

  private static void claim(Map<String, String> owner, String key, String what) {
    String previous = owner.putIfAbsent(key, what);
    if (previous != null && !previous.equals(what)) {
      // The same key for the same purpose is fine (a repeated random draw); for two, it is a bug.
      String kindBefore = previous.split(" ")[0];
      String kindNow = what.split(" ")[0];
      if (!kindBefore.equals(kindNow)) {
        throw new AssertionError(key + " is both " + previous + " and " + what);
      }
    }
  }

  private static String random(Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
