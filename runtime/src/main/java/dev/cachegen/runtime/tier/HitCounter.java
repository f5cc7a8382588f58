package dev.cachegen.runtime.tier;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * An exact counter for the in-process hit path that needs no atomic instruction per increment.
 *
 * <p>A {@link LongAdder} costs a compare-and-swap on every hit, about a fifth of an in-process hit
 * (benchmarks/README.md). Here each thread counts in a cell of its own: the cell at its thread id
 * modulo {@link #CELLS}, claimed once by that id, which no other thread ever writes, so a plain
 * increment (published with opaque access) loses nothing. A thread whose cell another thread owns
 * counts in a {@code LongAdder}, as before. {@link #sum()} adds the cells and the adder: exact once
 * the counting threads have stopped, and never more than the increments made so far. Thread ids are
 * never reused, so a cell stays with its thread; a JVM that starts many short-lived threads ends up
 * counting mostly in the adder.
 */
final class HitCounter {
  /** Cells per counter: a power of two. */
  static final int CELLS = 32;

  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Cell[].class);

  private final Cell[] cells = new Cell[CELLS];
  private final LongAdder others = new LongAdder();

  /** Counts one. */
  void increment() {
    long thread = Thread.currentThread().getId();
    Cell cell = cells[(int) thread & (CELLS - 1)];
    if (cell != null && cell.owner == thread) {
      cell.increment();
    } else {
      claimOrShare(thread);
    }
  }

  private void claimOrShare(long thread) {
    int index = (int) thread & (CELLS - 1);
    Cell cell = (Cell) SLOTS.getVolatile(cells, index);
    if (cell == null) {
      Cell mine = new Cell(thread);
      cell =
          SLOTS.compareAndSet(cells, index, null, mine)
              ? mine
              : (Cell) SLOTS.getVolatile(cells, index);
    }
    if (cell.owner == thread) {
      cell.increment();
    } else {
      others.increment();
    }
  }

  /**
   * The count: every increment of a thread that has stopped counting, and none that was not made.
   */
  long sum() {
    long sum = others.sum();
    for (int i = 0; i < CELLS; i++) {
      Cell cell = (Cell) SLOTS.getVolatile(cells, i);
      if (cell != null) {
        sum += cell.count();
      }
    }
    return sum;
  }

  /** Padding before the count, so that two cells' counts never share a cache line. */
  abstract static class PadBefore {
    long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
  }

  /** The count and its owner. */
  abstract static class Count extends PadBefore {
    static final VarHandle COUNT;

    static {
      try {
        COUNT = MethodHandles.lookup().findVarHandle(Count.class, "count", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final long owner;
    long count;

    Count(long owner) {
      this.owner = owner;
    }
  }

  /** A thread's cell, padded after the count too. */
  static final class Cell extends Count {
    long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

    Cell(long owner) {
      super(owner);
    }

    /** Only the owner calls this: a plain read, then an opaque write that readers see. */
    void increment() {
      COUNT.setOpaque(this, count + 1);
    }

    long count() {
      return (long) COUNT.getOpaque(this);
    }
  }
}
