package dev.cachegen.runtime.redis;

import dev.cachegen.runtime.writebehind.WriteBehindStore.Persistence;
import dev.cachegen.runtime.writebehind.WriteBehindStore.Persistence.Mode;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Reads how a Redis server persists: {@code CONFIG GET appendonly}, {@code appendfsync} and {@code
 * save}; when {@code CONFIG} is refused (an ACL without {@code +config}, or the command renamed
 * away), the {@code aof_enabled} line of {@code INFO persistence}; when that is refused too, {@link
 * Mode#UNKNOWN}. A refusal is an answer here, never an error.
 */
final class RedisPersistence {
  private RedisPersistence() {}

  /** Asks {@code redis}; throws only what the connection throws. */
  static Persistence read(UnifiedJedis redis, String store) {
    try {
      return fromConfig(
          store,
          single(redis.configGet("appendonly"), "appendonly"),
          single(redis.configGet("appendfsync"), "appendfsync"),
          single(redis.configGet("save"), "save"));
    } catch (JedisDataException configRefused) {
      try {
        return fromInfo(store, redis.info("persistence"), configRefused.getMessage());
      } catch (JedisDataException infoRefused) {
        return new Persistence(
            store,
            Mode.UNKNOWN,
            "CONFIG GET refused ("
                + configRefused.getMessage()
                + "), INFO refused ("
                + infoRefused.getMessage()
                + ")");
      }
    }
  }

  /** From the three settings; {@code null} where the server did not know one. */
  static Persistence fromConfig(String store, String appendonly, String appendfsync, String save) {
    String settings =
        "yes".equals(appendonly)
            ? "appendonly yes, appendfsync " + appendfsync
            : "appendonly " + appendonly + ", save \"" + save + "\"";
    Mode mode;
    if ("yes".equals(appendonly)) {
      mode =
          switch (String.valueOf(appendfsync)) {
            case "always" -> Mode.EVERY_WRITE;
            case "everysec" -> Mode.EVERY_SECOND;
            default -> Mode.LOGGED_UNSYNCED;
          };
    } else if ("no".equals(appendonly)) {
      mode = save == null || save.isBlank() ? Mode.NONE : Mode.SNAPSHOTS;
    } else {
      mode = Mode.UNKNOWN;
    }
    return new Persistence(store, mode, settings);
  }

  /**
   * From {@code INFO persistence}, which says whether the append-only file is on, not its fsync.
   */
  static Persistence fromInfo(String store, String info, String configRefusal) {
    String because = "CONFIG GET refused (" + configRefusal + ")";
    for (String line : info.split("\r?\n")) {
      if (line.equals("aof_enabled:0")) {
        return new Persistence(store, Mode.NONE, "aof_enabled:0 in INFO; " + because);
      }
      if (line.equals("aof_enabled:1")) {
        return new Persistence(
            store, Mode.UNKNOWN, "aof_enabled:1 in INFO, appendfsync unknown; " + because);
      }
    }
    return new Persistence(store, Mode.UNKNOWN, "no aof_enabled in INFO; " + because);
  }

  private static String single(Map<String, String> config, String name) {
    return config.get(name);
  }
}
