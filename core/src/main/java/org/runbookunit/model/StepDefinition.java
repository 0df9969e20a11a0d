package org.runbookunit.model;

import java.util.List;
import java.util.Objects;
import org.runbookunit.Severity;

/**
 * Describe one step of a runbook before it runs.
 *
 * @param id the step's number, e.g. {@code 1.2}
 * @param title what the step checks, in the runbook's own words
 * @param severity how much a failure matters
 * @param phase the title of the phase holding the step, empty for a runbook without phases
 * @param rules where the step may run
 * @param manual the instruction of a manual step an operator performs and attests, empty for an automated step
 * @param approvers who must each attest a manual step (e.g. Tech Lead, QA Lead, DevOps); empty when anyone may
 * @param rollback whether the step belongs to a rollback phase: it runs only after an earlier CRITICAL step failed
 */
public record StepDefinition(StepId id, String title, Severity severity, String phase, StepRules rules, String manual,
        List<String> approvers, boolean rollback) {

    /** Validate the parts. */
    public StepDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(manual, "manual");
        approvers = List.copyOf(approvers);
    }

    /** Describe a step, in a rollback phase or not, that anyone may attest. */
    public StepDefinition(StepId id, String title, Severity severity, String phase, StepRules rules, String manual,
            boolean rollback) {
        this(id, title, severity, phase, rules, manual, List.of(), rollback);
    }

    /** Describe a step outside any rollback phase. */
    public StepDefinition(StepId id, String title, Severity severity, String phase, StepRules rules, String manual) {
        this(id, title, severity, phase, rules, manual, false);
    }

    /** Return a copy that belongs to a rollback phase ({@code @Phase(onFailureOnly = true)}). */
    public StepDefinition asRollback() {
        return new StepDefinition(id, title, severity, phase, rules, manual, approvers, true);
    }

    /** Return a copy that each of these people must attest separately. */
    public StepDefinition withApprovers(List<String> names) {
        return new StepDefinition(id, title, severity, phase, rules, manual, names, rollback);
    }

    /** Describe an automated step. */
    public StepDefinition(StepId id, String title, Severity severity, String phase, StepRules rules) {
        this(id, title, severity, phase, rules, "");
    }

    /** Tell whether an operator performs this step and attests it. */
    public boolean isManual() {
        return !manual.isEmpty();
    }

    /** Describe a step that may run anywhere. */
    public StepDefinition(StepId id, String title, Severity severity, String phase) {
        this(id, title, severity, phase, StepRules.ANYWHERE);
    }

    /** Return {@code "1.2 Roles table populated"}, the way the console and the gate name a step. */
    public String label() {
        return id + " " + title;
    }
}
