package org.runbookunit.metrics;

import java.util.function.DoublePredicate;

/**
 * Say what a metric value must be, e.g. {@code Threshold.below(0.01)} for "error rate &lt; 1 %". NaN (a rate of no
 * requests) never meets a threshold.
 */
public final class Threshold {

    private final String text;
    private final DoublePredicate test;

    private Threshold(String text, DoublePredicate test) {
        this.text = text;
        this.test = test;
    }

    /** Require the value to be strictly below a limit. */
    public static Threshold below(double limit) {
        return new Threshold("< " + limit, value -> value < limit);
    }

    /** Require the value to be at most a limit. */
    public static Threshold atMost(double limit) {
        return new Threshold("<= " + limit, value -> value <= limit);
    }

    /** Require the value to be strictly above a limit. */
    public static Threshold above(double limit) {
        return new Threshold("> " + limit, value -> value > limit);
    }

    /** Require the value to be at least a limit. */
    public static Threshold atLeast(double limit) {
        return new Threshold(">= " + limit, value -> value >= limit);
    }

    /** Require the value to equal a number exactly, e.g. {@code equalTo(1)} for {@code up}. */
    public static Threshold equalTo(double expected) {
        return new Threshold("== " + expected, value -> value == expected);
    }

    /** Tell whether a value meets the threshold. */
    public boolean test(double value) {
        return !Double.isNaN(value) && test.test(value);
    }

    @Override
    public String toString() {
        return text;
    }
}
