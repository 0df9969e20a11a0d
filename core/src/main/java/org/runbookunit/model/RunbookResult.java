package org.runbookunit.model;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.runbookunit.evidence.EvidenceItem;

/**
 * Record a finished runbook run: what ran, against what, and the gate's decision.
 *
 * @param plan the runbook's steps
 * @param info what was validated and who ran it
 * @param reportDir the runbook's report folder
 * @param startedAt when the run started
 * @param finishedAt when the gate was evaluated
 * @param steps the result of every step that got one, in run order
 * @param decision the verdict and its reasons
 * @param runEvidence files of the run as a whole, e.g. a rehearsal stack's logs
 */
public record RunbookResult(RunbookPlan plan, RunInfo info, Path reportDir, Instant startedAt,
        Instant finishedAt, List<StepResult> steps, GateDecision decision, List<EvidenceItem> runEvidence) {

    /** Freeze the lists. */
    public RunbookResult {
        steps = List.copyOf(steps);
        runEvidence = List.copyOf(runEvidence);
    }

    /** Return the environment's name. */
    public String environment() {
        return info.environment();
    }

    /** Return what became of the runbook's rollback phase, if it has one. */
    public Rollback rollback() {
        return Rollback.of(steps);
    }

    /** Return how long the run took. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
