package org.runbookunit.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.runbookunit.Outcome;
import org.runbookunit.Severity;

/**
 * Record one step of a run in the ledger.
 *
 * @param id the step's number, e.g. {@code 7.1}
 * @param title what the step checks
 * @param severity how much a failure of it matters
 * @param outcome what happened to it
 * @param startedAt when it started (or was skipped)
 * @param duration how long it ran
 * @param measurements the numbers the step recorded, by name (rows counted, p95 latency in ms, requests per second)
 * @param inventories the sets of names the step recorded, by name (the tables and indexes of a schema)
 */
public record LedgerStep(String id, String title, Severity severity, Outcome outcome, Instant startedAt, Duration duration,
        Map<String, Double> measurements, Map<String, List<String>> inventories) {

    /** Sort and freeze the maps. */
    public LedgerStep {
        measurements = java.util.Collections.unmodifiableMap(new TreeMap<>(measurements));
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        inventories.forEach((name, items) -> sorted.put(name, items.stream().sorted().distinct().toList()));
        inventories = java.util.Collections.unmodifiableMap(sorted);
    }

    /**
     * Tell whether the step's checks held: PASSED, or WARNED on a CRITICAL step (degraded or passed after a retry; a
     * MAJOR or MINOR step is WARNED when its checks failed, so that does not count).
     */
    public boolean passed() {
        return outcome == Outcome.PASSED || outcome == Outcome.WARNED && severity == Severity.CRITICAL;
    }

    /** Return a measurement the step recorded, if it did. */
    public Optional<Double> measurement(String name) {
        return Optional.ofNullable(measurements.get(name));
    }

    /** Return an inventory the step recorded, if it did. */
    public Optional<List<String>> inventory(String name) {
        return Optional.ofNullable(inventories.get(name));
    }
}
