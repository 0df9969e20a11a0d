package org.runbookunit.model;

import java.util.List;
import java.util.Optional;
import org.runbookunit.Outcome;

/**
 * Say what became of a runbook's rollback phase ({@code @Phase(onFailureOnly = true)}) in one run.
 *
 * @param state what happened
 * @param step the rollback step that failed or did not complete, when one did
 */
public record Rollback(State state, Optional<StepResult> step) {

    /** Name what happened to the rollback. */
    public enum State {
        /** The runbook has no rollback phase. */
        NONE,
        /** No CRITICAL step failed, so the rollback steps were SKIPPED. */
        NOT_NEEDED,
        /** A CRITICAL step failed and every rollback step that ran held. */
        VERIFIED,
        /** A CRITICAL rollback step failed: the rest of the rollback was BLOCKED. */
        FAILED,
        /** The rollback ran but a step of it did not complete (PENDING, refused, blocked by the budget). */
        INCOMPLETE
    }

    /** Judge the rollback from the results of a run. */
    public static Rollback of(List<StepResult> results) {
        List<StepResult> rollback = results.stream().filter(result -> result.step().rollback()).toList();
        if (rollback.isEmpty()) {
            return new Rollback(State.NONE, Optional.empty());
        }
        Optional<StepResult> failed = rollback.stream().filter(result -> result.outcome() == Outcome.FAILED).findFirst();
        if (failed.isPresent()) {
            return new Rollback(State.FAILED, failed);
        }
        boolean needed = results.stream().anyMatch(result -> !result.step().rollback()
                && result.outcome() == Outcome.FAILED);
        if (!needed) {
            return new Rollback(State.NOT_NEEDED, Optional.empty());
        }
        Optional<StepResult> unfinished = rollback.stream().filter(result -> !result.outcome().ran()).findFirst();
        return unfinished.map(result -> new Rollback(State.INCOMPLETE, Optional.of(result)))
                .orElseGet(() -> new Rollback(State.VERIFIED, Optional.empty()));
    }

    /** Render {@code "Rollback verified"}, {@code "Rollback FAILED at 9.2"}, or empty without a rollback phase. */
    public String describe() {
        return switch (state) {
            case NONE -> "";
            case NOT_NEEDED -> "Rollback not needed: no failure to roll back";
            case VERIFIED -> "Rollback verified";
            case FAILED -> "Rollback FAILED at " + step.orElseThrow().step().id();
            case INCOMPLETE -> "Rollback not verified: " + step.orElseThrow().step().id() + " "
                    + step.orElseThrow().outcome();
        };
    }
}
