package dev.cachegen.runtime.tier;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;

/**
 * The commands a Redis server receives, read with {@code MONITOR} on a connection of its own: what
 * clients send (one line per command, so a round trip without pipelining is one line) and, marked
 * {@code lua}, what scripts run inside the server. Round trips are the runtime's own logic, so
 * tests count them here instead of timing anything.
 */
final class RedisCommandLog implements AutoCloseable {
  /** One command as the server received it: {@code fromScript} when a script ran it. */
  record Command(String name, boolean fromScript, String line) {}

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Jedis monitor;
  private final Jedis control;
  private final Thread reader;

  RedisCommandLog(String host, int port) throws InterruptedException {
    monitor = new Jedis(host, port);
    control = new Jedis(host, port);
    reader =
        new Thread(
            () -> {
              try {
                monitor.monitor(
                    new JedisMonitor() {
                      @Override
                      public void onCommand(String command) {
                        lines.add(command);
                      }
                    });
              } catch (RuntimeException closed) {
                // close() cut the connection
              }
            },
            "redis-monitor");
    reader.setDaemon(true);
    reader.start();
    // MONITOR answers OK before it streams: wait until a command of ours shows up.
    String ready = "ready-" + UUID.randomUUID();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!seen(ready, 50)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("MONITOR never started");
      }
      control.echo(ready);
    }
  }

  /**
   * Runs {@code work} and returns the commands sent meanwhile that mention {@code mark} (a key
   * prefix), in order; commands of other tests and of heartbeats do not.
   */
  List<Command> during(String mark, Runnable work) throws InterruptedException {
    String begin = "begin-" + UUID.randomUUID();
    String end = "end-" + UUID.randomUUID();
    control.echo(begin);
    if (!seen(begin, 10_000)) {
      throw new IllegalStateException("MONITOR lost the begin mark");
    }
    work.run();
    control.echo(end);
    List<Command> commands = new ArrayList<>();
    while (true) {
      String line = lines.poll(10, TimeUnit.SECONDS);
      if (line == null) {
        throw new IllegalStateException("MONITOR lost the end mark");
      }
      if (line.contains(end)) {
        return commands;
      }
      if (line.contains(mark)) {
        commands.add(parse(line));
      }
    }
  }

  /** The names of commands clients sent, one per round trip: {@code [GET, EVALSHA, EVALSHA]}. */
  static List<String> sent(List<Command> commands) {
    List<String> names = new ArrayList<>();
    for (Command command : commands) {
      if (!command.fromScript()) {
        names.add(command.name());
      }
    }
    return names;
  }

  /** The names of commands scripts ran inside the server. */
  static List<String> scripted(List<Command> commands) {
    List<String> names = new ArrayList<>();
    for (Command command : commands) {
      if (command.fromScript()) {
        names.add(command.name());
      }
    }
    return names;
  }

  private boolean seen(String text, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = lines.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (line == null) {
        return false;
      }
      if (line.contains(text)) {
        return true;
      }
    }
  }

  /** {@code 1700000000.123456 [0 127.0.0.1:5000] "GET" "key"}, or {@code [0 lua]} from a script. */
  private static Command parse(String line) {
    int close = line.indexOf(']');
    int quote = line.indexOf('"', close);
    int endQuote = line.indexOf('"', quote + 1);
    String source = line.substring(line.indexOf('[') + 1, close);
    return new Command(
        line.substring(quote + 1, endQuote).toUpperCase(java.util.Locale.ROOT),
        source.endsWith(" lua"),
        line);
  }

  @Override
  public void close() {
    control.close();
    monitor.close();
  }
}
