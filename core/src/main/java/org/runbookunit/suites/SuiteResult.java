package org.runbookunit.suites;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Hold what an external suite reported.
 *
 * @param name the suite's name in the runbook
 * @param exitCode the command's exit code (-1 when it was only read, not run)
 * @param passed test cases (or k6 checks) that passed
 * @param failed test cases that failed or errored (or k6 checks that failed)
 * @param skipped test cases that were skipped; they do not count in the pass rate
 * @param failures the failed cases, in report order
 * @param elapsed how long the command ran
 */
public record SuiteResult(String name, int exitCode, int passed, int failed, int skipped, List<FailedCase> failures,
        Duration elapsed) {

    /** Copy the failures so the record stays immutable. */
    public SuiteResult {
        failures = List.copyOf(failures);
    }

    /** Return passed ÷ (passed + failed); skipped cases do not count; 0 when nothing ran. */
    public double passRate() {
        return passed + failed == 0 ? 0 : (double) passed / (passed + failed);
    }

    /** Return {@code "40/48 passed (83.3 %), 0 skipped"}. */
    public String summary() {
        return String.format(Locale.ROOT, "%d/%d passed (%.1f %%), %d skipped", passed, passed + failed,
                passRate() * 100, skipped);
    }
}
