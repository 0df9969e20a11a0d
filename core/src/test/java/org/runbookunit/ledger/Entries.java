package org.runbookunit.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.runbookunit.Outcome;
import org.runbookunit.Severity;

/** Make ledger entries directly, for the store tests that are about storage rather than runs. */
final class Entries {

    private Entries() {
    }

    static LedgerEntry go(String runbook, String startedAt, String commit) {
        Instant start = Instant.parse(startedAt);
        return new LedgerEntry(UUID.randomUUID().toString(), runbook, runbook, "production", commit, "ci", start,
                start.plusSeconds(30), "GO", "", List.of(new LedgerStep("1", "API healthy", Severity.CRITICAL, Outcome.PASSED, start,
                        Duration.ofMillis(84), Map.of("p95_ms", 41.5), Map.of("schema", List.of("table public.roles")))));
    }
}
