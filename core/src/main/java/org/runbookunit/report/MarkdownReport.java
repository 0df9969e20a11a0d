package org.runbookunit.report;

import java.util.List;
import java.util.stream.Collectors;
import org.runbookunit.Outcome;
import org.runbookunit.evidence.EvidenceItem;
import org.runbookunit.model.GateDecision;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepResult;

/** Write {@code report.md}, the sign-off document a change ticket can carry. */
final class MarkdownReport {

    static final String FILE_NAME = "report.md";

    /** Render the whole document; {@link #summary} is the part also sent to a CI step summary. */
    String render(RunbookResult result) {
        StringBuilder md = new StringBuilder(summary(result));
        md.append("\n## Steps\n\n| # | Phase | Step | Severity | Outcome | Time | Evidence |\n|---|---|---|---|---|---|---|\n");
        result.steps().forEach(step -> md.append(row(step)));
        List<String> notRun = JsonReport.notRun(result);
        if (!notRun.isEmpty()) {
            md.append("\nNot run in this execution (filtered out): ").append(String.join("; ", notRun)).append('\n');
        }
        List<StepResult> explained = result.steps().stream().filter(step -> !step.message().isEmpty()).toList();
        if (!explained.isEmpty()) {
            md.append("\n## Details\n");
            explained.forEach(step -> md.append(details(step)));
        }
        if (!result.runEvidence().isEmpty()) {
            md.append("\n## Run evidence\n\n").append(links(result.runEvidence()).replace("<br>", "\n- ").replaceFirst("^", "- "))
                    .append('\n');
        }
        md.append("\n## Files\n\nEvery file of this report is listed with its SHA-256 in `").append(Manifest.FILE_NAME)
                .append("` (check with `sha256sum -c ").append(Manifest.FILE_NAME).append("`).\n");
        return md.toString();
    }

    String summary(RunbookResult result) {
        GateDecision decision = result.decision();
        StringBuilder md = new StringBuilder("# Runbook: ").append(escape(result.plan().title())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Verdict | **").append(decision.verdict().label()).append("** |\n");
        if (result.rollback().state() != org.runbookunit.model.Rollback.State.NONE) {
            md.append("| Rollback | **").append(result.rollback().describe()).append("** |\n");
        }
        md.append("| Environment | ").append(escape(result.environment())).append(" |\n");
        md.append("| Configuration | ").append(escape(result.info().configSource()));
        if (!result.info().configSha256().isEmpty()) {
            md.append(" (sha256 `").append(result.info().configSha256()).append("`)");
        }
        md.append(" |\n");
        md.append("| Commit | `").append(result.info().commit()).append("` |\n");
        md.append("| Run by | ").append(escape(result.info().runBy())).append(" |\n");
        md.append("| Started | ").append(result.startedAt()).append(" |\n");
        md.append("| Finished | ").append(result.finishedAt()).append(" |\n");
        md.append("| Steps | ").append(counts(result)).append(" |\n");
        md.append("| Pass rate | ").append(decision.passed()).append(" of ").append(decision.ran())
                .append(" steps that ran |\n");
        list(md, "Reasons for " + decision.verdict().label(), decision.reasons());
        list(md, "Warnings", decision.warnings());
        return md.toString();
    }

    private static void list(StringBuilder md, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("\n### ").append(heading).append("\n\n");
        items.forEach(item -> md.append("- ").append(item.replace("\n", "\n  ")).append('\n'));
    }

    private static String counts(RunbookResult result) {
        return java.util.Arrays.stream(Outcome.values())
                .map(outcome -> result.steps().stream().filter(step -> step.outcome() == outcome).count() + " "
                        + outcome.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String row(StepResult step) {
        return "| " + step.step().id() + " | " + escape(step.step().phase()) + " | " + escape(step.step().title()) + " | "
                + step.step().severity() + " | " + step.outcome().symbol() + " " + step.outcome() + " | "
                + step.duration().toMillis() + " ms | " + links(step.evidence()) + " |\n";
    }

    private static String links(List<EvidenceItem> evidence) {
        return evidence.stream().map(item -> "[" + escape(item.description()) + "](" + item.path() + ")")
                .collect(Collectors.joining("<br>"));
    }

    private static String details(StepResult step) {
        return "\n### " + escape(step.step().label()) + " — " + step.outcome() + "\n\n```\n"
                + step.message().replace("```", "'''") + "\n```\n";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
