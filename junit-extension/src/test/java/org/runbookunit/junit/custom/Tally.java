package org.runbookunit.junit.custom;

import java.util.concurrent.atomic.AtomicInteger;
import org.runbookunit.evidence.Evidence;

/** A team's own facade, as a test would write one: counts what a step tallies and saves the count as evidence. */
public final class Tally implements AutoCloseable {

    /** How many Tally facades were closed in this JVM, read by the tests. */
    public static final AtomicInteger CLOSED = new AtomicInteger();

    /** How many times {@link TallyProvider#prepare} started in this JVM, read by the tests. */
    public static final AtomicInteger PREPARING = new AtomicInteger();

    /** How many times {@link TallyProvider#prepare} finished in this JVM, read by the tests. */
    public static final AtomicInteger PREPARED = new AtomicInteger();

    private final Evidence evidence;
    private final String step;
    private final int preparedWhenOpened;
    private int count;

    Tally(Evidence evidence, String step) {
        this.evidence = evidence;
        this.step = step;
        this.preparedWhenOpened = PREPARED.get();
    }

    /** Return how many preparations had finished when this facade was opened. */
    public int preparedWhenOpened() {
        return preparedWhenOpened;
    }

    /** Count one more thing. */
    public Tally add() {
        count++;
        return this;
    }

    /** Return the step this facade was opened for. */
    public String step() {
        return step;
    }

    @Override
    public void close() {
        evidence.text("tally", "counted " + count);
        CLOSED.incrementAndGet();
    }
}
