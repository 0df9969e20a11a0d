package org.runbookunit.logs;

import java.time.Instant;
import java.util.List;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.secrets.Secrets;

/**
 * Hold what every log check of a step shares: when the run started, the evidence and the secrets to redact.
 *
 * @param runStart when the run started
 * @param evidence the step's evidence
 * @param secrets the values redacted from messages (evidence files are redacted by {@link Evidence})
 */
record LogScan(Instant runStart, Evidence evidence, Secrets secrets) {

    private static final int MAX_LINES = 200;

    /** Save a scan's header and lines (the first 200) as evidence and return the file's path. */
    String record(String name, String header, List<LogLine> lines) {
        StringBuilder text = new StringBuilder(header).append("--- lines (").append(lines.size()).append(") ---\n");
        lines.stream().limit(MAX_LINES).forEach(line -> text.append(line).append('\n'));
        if (lines.size() > MAX_LINES) {
            text.append("… ").append(lines.size() - MAX_LINES).append(" more lines not shown\n");
        }
        return evidence.text("logs " + name, text.toString()).path();
    }

    LogsExpectationError failure(String message) {
        return new LogsExpectationError(secrets.redact(message));
    }
}
