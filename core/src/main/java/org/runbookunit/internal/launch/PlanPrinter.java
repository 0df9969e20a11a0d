package org.runbookunit.internal.launch;

import java.io.PrintStream;
import java.util.Set;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;

/** Print what every step would do in an environment — run, skip and why, refuse — without running anything. */
public final class PlanPrinter {

    private final PrintStream out;

    /** Print to the given stream, usually {@code System.out}. */
    public PlanPrinter(PrintStream out) {
        this.out = out;
    }

    /**
     * Print the plan.
     *
     * @param missingVariables variables a real run would need and that are not set
     */
    public void print(RunbookPlan plan, RunbookEnvironment environment, boolean allowDestructive, Set<String> missingVariables) {
        out.println();
        out.println(environment.secrets().redact("▶ Plan: " + plan.title() + "  [environment: " + environment.name()
                + (environment.readOnly() ? ", read-only" : "") + ", " + plan.steps().size() + " steps] — nothing is run"));
        String phase = "";
        for (StepDefinition step : plan.steps()) {
            if (!step.phase().isEmpty() && !step.phase().equals(phase)) {
                phase = step.phase();
                out.println("  Phase " + step.id().phase() + ": " + phase);
            }
            out.println(environment.secrets().redact("    " + line(step, environment, allowDestructive)));
        }
        if (!missingVariables.isEmpty()) {
            out.println("  A real run would stop first: variables not set: " + missingVariables);
        }
        out.println();
    }

    /** Describe what one step would do: {@code "▷ 1.1 API healthy — would run"}. */
    public static String line(StepDefinition step, RunbookEnvironment environment, boolean allowDestructive) {
        if (step.isManual() && step.rules().refusal(environment, allowDestructive).isEmpty()) {
            return "✋ " + step.label() + " — manual: " + step.manual() + (step.approvers().isEmpty() ? ""
                    : " (approved by each of " + String.join(", ", step.approvers()) + ")");
        }
        return step.rules().refusal(environment, allowDestructive)
                .map(reason -> "↷ " + step.label() + " — " + (reason.startsWith("refused") ? "would refuse: " : "would skip: ")
                        + reason)
                .orElseGet(() -> "▷ " + step.label() + " — would run" + (step.rollback() ? " only after a CRITICAL failure"
                        : "") + (step.rules().destructive() ? " (destructive)" : ""));
    }
}
