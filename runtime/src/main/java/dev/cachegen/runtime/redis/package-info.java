/**
 * Everything that knows Jedis: the Redis shared tier (pool, timeouts, circuit breaker, pub/sub),
 * URI parsing, and the Redis write-behind queue. Internal to the module.
 */
package dev.cachegen.runtime.redis;
