package org.runbookunit.load;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.runbookunit.history.History;
import org.runbookunit.history.HistoryExpectationError;

/**
 * Compare a probe's throughput with the previous run's, through {@link History}: the measurement is recorded as
 * {@code load <probe> req/s} in the run ledger, so the next run compares with this one.
 */
final class Baseline {

    private final Supplier<History> history;

    Baseline(Supplier<History> history) {
        this.history = history;
    }

    /** Return the broken-threshold line when the throughput fell under {@code fraction} of the previous run's. */
    Optional<String> broken(LoadResult result, double fraction) {
        try {
            history.get().compare(measurement(result.name()), result.throughput()).expectNotLowerThan(fraction);
            return Optional.empty();
        } catch (HistoryExpectationError lower) {
            return Optional.of("throughput: budget >= " + number(fraction) + "× the previous run's, " + lower.getMessage());
        }
    }

    /** Return the ledger measurement a probe's throughput is recorded under. */
    static String measurement(String probeName) {
        return "load " + probeName + " req/s";
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
