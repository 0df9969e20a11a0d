package org.runbookunit.run;

import java.time.Instant;
import java.util.List;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.internal.signoff.Signoffs;

/** Explain who still has to attest a manual step that several people approve, and how each of them does it. */
final class Approvals {

    private Approvals() {
    }

    static String pending(String runbookId, StepDefinition step, Signoffs signoffs, Instant now) {
        List<String> missing = signoffs.missingApprovers(runbookId, step, now);
        List<String> given = step.approvers().stream().filter(approver -> !missing.contains(approver)).toList();
        StringBuilder reason = new StringBuilder("manual step waits for attestation by ").append(String.join(", ", missing))
                .append(given.isEmpty() ? "" : " (attested by " + String.join(", ", given) + ")").append(": ")
                .append(step.manual()).append("\neach approver attests separately, with");
        for (String approver : missing) {
            reason.append("\n  -D").append(Signoffs.parameter(runbookId, Signoffs.approverKey(step, approver)))
                    .append("=\"Your Name: what you saw\"");
        }
        return reason.append("\nor under ").append(runbookId).append(": \"").append(Signoffs.approverKey(step,
                missing.get(0))).append("\" (and so on) in the ").append(ConfigKeys.ATTESTATIONS)
                .append(" file, and run again").toString();
    }
}
