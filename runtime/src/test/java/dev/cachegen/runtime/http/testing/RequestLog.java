package dev.cachegen.runtime.http.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * What an origin server received, in order. A request is added when it arrives, before it is
 * answered, so a client that got its answer always finds its request here; the status is filled in
 * once the answer is sent, and {@link Entry#status()} waits for it.
 */
public final class RequestLog {
  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  /** Called by the origin when a request arrives. */
  public Entry arrived(String method, String path, String ifNoneMatch, String ifModifiedSince) {
    Entry entry = new Entry(method, path, ifNoneMatch, ifModifiedSince);
    entries.add(entry);
    return entry;
  }

  /** Every request so far. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The requests for one path (without query). */
  public List<Entry> forPath(String path) {
    return entries.stream().filter(entry -> entry.path().equals(path)).toList();
  }

  /** Forgets every request. */
  public void clear() {
    entries.clear();
  }

  @Override
  public String toString() {
    return entries.toString();
  }

  /** One request. */
  public static final class Entry {
    private final String method;
    private final String path;
    private final String ifNoneMatch;
    private final String ifModifiedSince;
    private volatile int status;

    Entry(String method, String path, String ifNoneMatch, String ifModifiedSince) {
      this.method = method;
      this.path = path;
      this.ifNoneMatch = ifNoneMatch;
      this.ifModifiedSince = ifModifiedSince;
    }

    public String method() {
      return method;
    }

    public String path() {
      return path;
    }

    /** The If-None-Match the request carried, or {@code null}. */
    public String ifNoneMatch() {
      return ifNoneMatch;
    }

    /** The If-Modified-Since the request carried, or {@code null}. */
    public String ifModifiedSince() {
      return ifModifiedSince;
    }

    /** The status answered, waiting up to five seconds for the answer to be sent. */
    public int status() {
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (status == 0 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
      }
      if (status == 0) {
        throw new AssertionError("no answer was recorded for " + this);
      }
      return status;
    }

    /** Called by the origin once the answer is sent. */
    public void answered(int status) {
      this.status = status;
    }

    @Override
    public String toString() {
      return method
          + " "
          + path
          + (ifNoneMatch == null ? "" : " If-None-Match: " + ifNoneMatch)
          + (ifModifiedSince == null ? "" : " If-Modified-Since: " + ifModifiedSince)
          + " -> "
          + (status == 0 ? "?" : status);
    }
  }
}
