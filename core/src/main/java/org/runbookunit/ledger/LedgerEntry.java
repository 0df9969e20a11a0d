package org.runbookunit.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Record one finished run of a runbook in the ledger.
 *
 * @param runId a unique id of the run (a UUID)
 * @param runbookId the runbook's id, e.g. {@code air-demand-daily-health}
 * @param title the runbook's title
 * @param environment the environment it ran against
 * @param commit the commit it ran from, or {@code unknown}
 * @param runBy who ran it
 * @param startedAt when it started
 * @param finishedAt when the gate was evaluated
 * @param verdict {@code GO}, {@code NO-GO} or {@code HOLD}
 * @param rollback {@code verified}, {@code FAILED at 9.2}, or empty when the runbook ran no rollback
 * @param steps every step that got a result, in run order
 */
public record LedgerEntry(String runId, String runbookId, String title, String environment, String commit,
        String runBy, Instant startedAt, Instant finishedAt, String verdict, String rollback, List<LedgerStep> steps) {

    /** Validate and freeze. */
    public LedgerEntry {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(runbookId, "runbookId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        rollback = rollback == null ? "" : rollback;
        steps = List.copyOf(steps);
    }

    /** Find a step of the run by its id. */
    public Optional<LedgerStep> step(String stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }

    /** Tell whether the gate said GO. */
    public boolean isGo() {
        return "GO".equals(verdict);
    }
}
