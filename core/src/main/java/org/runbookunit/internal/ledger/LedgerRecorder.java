package org.runbookunit.internal.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.ledger.LedgerEntries;
import org.runbookunit.ledger.RunLedger;
import org.runbookunit.internal.ledger.RunLedgers;
import org.runbookunit.model.GateDecision;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.secrets.Secrets;

/**
 * Record a finished run in the configured ledger; a ledger that cannot be written never loses the report: the run's
 * result comes back with a warning naming the ledger and the cause, listed under the verdict.
 */
public final class LedgerRecorder {

    private LedgerRecorder() {
    }

    /** Append the run to the ledger and return the result, with a warning added when the ledger could not take it. */
    public static RunbookResult record(RunbookResult result, RunbookSettings settings, Secrets secrets) {
        String where = settings.raw(ConfigKeys.LEDGER).map(secrets::redact).orElse(RunLedgers.DEFAULT_FOLDER.toString());
        try {
            Optional<RunLedger> ledger = RunLedgers.open(settings, secrets);
            if (ledger.isEmpty()) {
                return result;
            }
            where = ledger.get().location();
            ledger.get().append(LedgerEntries.of(result, rollback(result)));
            return result;
        } catch (RuntimeException cannotRecord) {
            return withWarning(result, secrets.redact("run not recorded in the ledger [" + where + "]: "
                    + describe(cannotRecord) + "; the report is complete, but History will not see this run (fix "
                    + ConfigKeys.LEDGER + ")"));
        }
    }

    /** Return {@code verified}, {@code FAILED at 9.2}, … as the ledger keeps it; empty without a rollback phase. */
    private static String rollback(RunbookResult result) {
        String described = result.rollback().describe();
        return described.startsWith("Rollback ") ? described.substring("Rollback ".length()) : described;
    }

    private static RunbookResult withWarning(RunbookResult result, String warning) {
        GateDecision decision = result.decision();
        List<String> warnings = new ArrayList<>(decision.warnings());
        warnings.add(warning);
        return new RunbookResult(result.plan(), result.info(), result.reportDir(), result.startedAt(),
                result.finishedAt(), result.steps(), new GateDecision(decision.verdict(), decision.reasons(), warnings,
                        decision.passed(), decision.ran()), result.runEvidence());
    }

    private static String describe(RuntimeException failure) {
        return failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    }
}
