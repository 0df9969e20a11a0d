package org.runbookunit.launch;

import org.runbookunit.model.RunbookResult;

/** Write the one message a NO-GO fails the build with: the verdict, every reason, and where the report is. */
public final class VerdictMessage {

    private VerdictMessage() {
    }

    /** Return the message for a result: its verdict, every reason and the report path. */
    public static String of(RunbookResult result) {
        StringBuilder message = new StringBuilder(result.decision().verdict().label()).append(" for runbook [")
                .append(result.plan().title()).append("] in environment [").append(result.environment()).append("]: ")
                .append(result.decision().reasons().size()).append(result.decision().reasons().size() == 1 ? " reason" : " reasons");
        result.decision().reasons().forEach(reason -> message.append("\n  - ").append(reason.replace("\n", "\n    ")));
        message.append("\n  report: ").append(result.reportDir().resolve("report.md"));
        return message.toString();
    }
}
