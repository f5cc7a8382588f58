package dev.cachegen.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachegen.runtime.writebehind.WriteBehindStore.Persistence;
import dev.cachegen.runtime.writebehind.WriteBehindStore.Persistence.Mode;
import org.junit.jupiter.api.Test;

/**
 * How Redis's persistence settings read. WriteBehindDurabilityTest asks a real server with and
 * without CONFIG allowed; these are the settings a test server cannot take without writing files.
 */
class RedisPersistenceTest {
  private static final String STORE = "Redis at redis://h:6379/0";

  private static Mode config(String appendonly, String appendfsync, String save) {
    return RedisPersistence.fromConfig(STORE, appendonly, appendfsync, save).mode();
  }

  @Test
  void theAppendOnlyFileKeepsCallsWhenItIsSyncedAtLeastEverySecond() {
    assertEquals(Mode.EVERY_WRITE, config("yes", "always", ""));
    assertEquals(Mode.EVERY_SECOND, config("yes", "everysec", "3600 1"));
    assertEquals(Mode.LOGGED_UNSYNCED, config("yes", "no", ""));
    assertTrue(RedisPersistence.fromConfig(STORE, "yes", "everysec", "").keepsCalls());
    assertFalse(RedisPersistence.fromConfig(STORE, "yes", "no", "").keepsCalls());
  }

  @Test
  void withoutTheAppendOnlyFileOnlySnapshotsOrNothing() {
    assertEquals(Mode.SNAPSHOTS, config("no", "everysec", "3600 1 300 100 60 10000"));
    assertEquals(Mode.NONE, config("no", "everysec", ""));
    assertEquals(Mode.UNKNOWN, config(null, null, null));
    Persistence none = RedisPersistence.fromConfig(STORE, "no", "everysec", "");
    assertEquals("appendonly no, save \"\"", none.settings());
    assertEquals(
        "appendonly yes, appendfsync always",
        RedisPersistence.fromConfig(STORE, "yes", "always", "").settings());
    assertEquals(STORE, none.store());
  }

  @Test
  void infoSaysWhetherTheAppendOnlyFileIsOnButNotHowItIsSynced() {
    String on = "# Persistence\r\nloading:0\r\naof_enabled:1\r\naof_rewrite_in_progress:0\r\n";
    String off = "# Persistence\r\nloading:0\r\naof_enabled:0\r\n";
    assertEquals(Mode.UNKNOWN, RedisPersistence.fromInfo(STORE, on, "NOPERM").mode());
    assertEquals(Mode.NONE, RedisPersistence.fromInfo(STORE, off, "NOPERM").mode());
    assertEquals(Mode.UNKNOWN, RedisPersistence.fromInfo(STORE, "# Persistence\r\n", "x").mode());
    assertTrue(RedisPersistence.fromInfo(STORE, on, "NOPERM").settings().contains("NOPERM"));
  }
}
