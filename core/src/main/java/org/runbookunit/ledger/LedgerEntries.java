package org.runbookunit.ledger;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepResult;

/** Turn a finished run into its ledger entry. */
public final class LedgerEntries {

    private LedgerEntries() {
    }

    /** Build the entry of a run: its facts, verdict, rollback state and each step with the measurements it saved. */
    public static LedgerEntry of(RunbookResult result, String rollback) {
        List<LedgerStep> steps = result.steps().stream().map(step -> step(result, step)).toList();
        return new LedgerEntry(UUID.randomUUID().toString(), result.plan().id(), result.plan().title(),
                result.environment(), result.info().commit(), result.info().runBy(), result.startedAt(),
                result.finishedAt(), result.decision().verdict().label(), rollback, steps);
    }

    private static LedgerStep step(RunbookResult result, StepResult step) {
        Map<String, Double> measurements = new LinkedHashMap<>();
        Map<String, List<String>> inventories = new LinkedHashMap<>();
        try {
            MeasurementEvidence.read(result.reportDir(), step.evidence(), measurements, inventories);
        } catch (IOException unreadable) {
            throw new LedgerException("cannot read the measurements of step " + step.step().label() + " in "
                    + result.reportDir() + ": " + unreadable.getMessage(), unreadable);
        }
        Instant startedAt = step.startedAt();
        return new LedgerStep(step.step().id().toString(), step.step().title(), step.step().severity(),
                step.outcome(), startedAt,
                step.duration(), measurements, inventories);
    }
}
