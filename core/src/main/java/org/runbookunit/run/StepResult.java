package org.runbookunit.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.runbookunit.Outcome;
import org.runbookunit.evidence.EvidenceItem;
import org.runbookunit.model.StepDefinition;

/**
 * Record what happened to one step.
 *
 * @param step the step
 * @param outcome what happened
 * @param startedAt when it started (or was skipped)
 * @param duration how long it ran, zero when it did not run
 * @param message why it failed, warned, was blocked or skipped; empty when it passed
 * @param evidence the files it saved
 */
public record StepResult(StepDefinition step, Outcome outcome, Instant startedAt, Duration duration, String message,
        List<EvidenceItem> evidence) {

    /** Freeze the evidence list. */
    public StepResult {
        evidence = List.copyOf(evidence);
        message = message == null ? "" : message;
    }
}
