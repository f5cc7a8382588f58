package dev.cachegen.runtime.internal;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything known at compile time about one write-behind queue: its name, the type of the recorded
 * call (a record of the method's arguments), its retry policy and whether successive writes of one
 * key coalesce.
 *
 * @param <C> the recorded call's type
 */
public final class WriteBehindDefinition<C> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private final String name;
  private final Type callType;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final boolean coalesce;

  private WriteBehindDefinition(Builder<C> builder) {
    this.name = builder.name;
    this.callType = builder.callType;
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.coalesce = builder.coalesce;
  }

  /** Starts a definition of the queue {@code name} whose calls are of {@code callType}. */
  public static <C> Builder<C> builder(String name, Type callType) {
    return new Builder<>(name, callType);
  }

  /** The queue's name, such as {@code ItemService.save}. */
  public String name() {
    return name;
  }

  /** The recorded call's type. */
  public Type callType() {
    return callType;
  }

  /** How often a call is tried before it becomes a dead letter. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait after the first failure; it doubles after each further one. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Whether only the latest queued call of a key is applied. */
  public boolean coalesce() {
    return coalesce;
  }

  /**
   * Builds a {@link WriteBehindDefinition}.
   *
   * @param <C> the recorded call's type
   */
  public static final class Builder<C> {
    private final String name;
    private final Type callType;
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(100);
    private boolean coalesce;

    private Builder(String name, Type callType) {
      this.name = Objects.requireNonNull(name, "name");
      this.callType = Objects.requireNonNull(callType, "callType");
    }

    /** Attempts before a call becomes a dead letter; at least 1. Default 5. */
    public Builder<C> maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The wait after the first failure, doubling after each. Default 100 ms. */
    public Builder<C> initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * When {@code true}, a queued call is skipped if a later call of the same key was queued after
     * it: only the last write of a key reaches the delegate. Default {@code false}.
     */
    public Builder<C> coalesce(boolean coalesce) {
      this.coalesce = coalesce;
      return this;
    }

    /** Checks the settings and builds the definition. */
    public WriteBehindDefinition<C> build() {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "write-behind queue name \""
                + name
                + "\" may contain only letters, digits, '.', '_'"
                + " and '-'");
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            "maxAttempts of queue " + name + " must be at least 1, was " + maxAttempts);
      }
      if (initialBackoff.isNegative()) {
        throw new IllegalArgumentException(
            "initialBackoff of queue " + name + " must not be negative, was " + initialBackoff);
      }
      return new WriteBehindDefinition<>(this);
    }
  }
}
