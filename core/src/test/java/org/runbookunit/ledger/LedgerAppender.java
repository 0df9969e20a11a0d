package org.runbookunit.ledger;

import java.nio.file.Path;
import org.runbookunit.internal.ledger.FileLedger;

/** Append runs to a file ledger from its own JVM: {@code LedgerAppender <folder> <name> <count>}. */
public final class LedgerAppender {

    private LedgerAppender() {
    }

    public static void main(String[] args) {
        FileLedger ledger = new FileLedger(Path.of(args[0]));
        for (int run = 0; run < Integer.parseInt(args[2]); run++) {
            ledger.append(Entries.go("daily-health", "2026-11-24T06:00:00Z", args[1] + "-" + run));
        }
    }
}
