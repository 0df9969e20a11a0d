package org.runbookunit.history;

import java.time.Clock;
import java.util.List;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.ledger.LedgerEntry;
import org.runbookunit.ledger.RunLedger;

/**
 * Say whose history a {@link History} reads and where it reports: the ledger, the clock that says what "today" is, the
 * runbook and environment, the step whose measurements it compares, and that step's evidence and warnings.
 */
record HistoryScope(RunLedger ledger, Clock clock, String runbookId, String environment, String stepId,
        Evidence evidence, Warnings warnings) {

    HistoryScope withRunbook(String otherRunbook) {
        return new HistoryScope(ledger, clock, otherRunbook, environment, stepId, evidence, warnings);
    }

    HistoryScope withEnvironment(String otherEnvironment) {
        return new HistoryScope(ledger, clock, runbookId, otherEnvironment, stepId, evidence, warnings);
    }

    List<LedgerEntry> runs() {
        return ledger.runs(runbookId, environment);
    }

    String describe() {
        return "runbook [" + runbookId + "] in [" + environment + "]";
    }
}
