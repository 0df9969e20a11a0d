package org.runbookunit.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Collect what made a passing step less than clean — a check that passed only after a retry, a latency above its
 * warning threshold — so the step is WARNED instead of PASSED. Thread-safe.
 */
public final class Warnings {

    private final List<String> warnings = new ArrayList<>();

    /** Record one warning. */
    public synchronized void add(String warning) {
        warnings.add(warning);
    }

    /** Return every warning so far, in order. */
    public synchronized List<String> all() {
        return List.copyOf(warnings);
    }
}
