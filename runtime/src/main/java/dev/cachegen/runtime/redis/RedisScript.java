package dev.cachegen.runtime.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script sent by its SHA-1 ({@code EVALSHA}), so that a call carries 40 bytes instead of the
 * script's text; a server that does not know it yet (a restart, a failover, a new cluster node) is
 * sent the text once ({@code EVAL}, which also caches it there).
 */
final class RedisScript {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] source;
  private final byte[] sha;

  RedisScript(String source) {
    this.source = source.getBytes(StandardCharsets.UTF_8);
    this.sha = sha1Hex(this.source);
  }

  /** Runs the script with {@code keyCount} keys first in {@code params}, then its arguments. */
  Object run(UnifiedJedis redis, int keyCount, byte[]... params) {
    try {
      return redis.evalsha(sha, keyCount, params);
    } catch (JedisNoScriptException e) {
      return redis.eval(source, keyCount, params);
    }
  }

  private static byte[] sha1Hex(byte[] text) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-1").digest(text);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
    byte[] hex = new byte[2 * digest.length];
    for (int i = 0; i < digest.length; i++) {
      hex[2 * i] = (byte) HEX[(digest[i] >> 4) & 0xF];
      hex[2 * i + 1] = (byte) HEX[digest[i] & 0xF];
    }
    return hex;
  }
}
