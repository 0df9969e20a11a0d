package org.runbookunit.ledger;

import java.util.List;

/**
 * Keep every finished run of every runbook: appended once per run, read by {@code History}. Implementations are safe
 * for several writers at once (threads, JVMs, CI runners); {@code runbook.ledger} chooses one (a folder, or
 * {@code jdbc:postgresql://…}).
 *
 * <pre>{@code
 * void week(RunLedger ledger, RunbookResult result) {
 *     ledger.append(LedgerEntries.of(result, result.rollback().describe()));
 *     List<LedgerEntry> week = ledger.runs("air-demand-daily-health", "production");
 * }
 * }</pre>
 */
public interface RunLedger {

    /** Append one run; a failure to write throws {@link LedgerException}. */
    void append(LedgerEntry entry);

    /** Return the recorded runs of a runbook in an environment, oldest first. */
    List<LedgerEntry> runs(String runbookId, String environment);

    /** Describe where the ledger is, for messages (never with a password). */
    String location();
}
