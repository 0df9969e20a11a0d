package org.runbookunit.model;

/**
 * Number a step the way the runbook document does: {@code 1.2} is step 2 of phase 1, {@code 3} is step 3 of a runbook
 * without phases.
 *
 * @param phase the phase's order, or 0 when the runbook has no phases
 * @param step the step's order inside its phase (or runbook), at least 1
 */
public record StepId(int phase, int step) implements Comparable<StepId> {

    /** Validate the numbers. */
    public StepId {
        if (phase < 0 || step < 1) {
            throw new IllegalArgumentException("step id needs phase >= 0 and step >= 1 but was [" + phase + "." + step + "]");
        }
    }

    /** Create the id of a step in a runbook without phases. */
    public static StepId of(int step) {
        return new StepId(0, step);
    }

    /** Create the id of a step inside a phase. */
    public static StepId of(int phase, int step) {
        return new StepId(phase, step);
    }

    @Override
    public int compareTo(StepId other) {
        int byPhase = Integer.compare(phase, other.phase);
        return byPhase != 0 ? byPhase : Integer.compare(step, other.step);
    }

    @Override
    public String toString() {
        return phase == 0 ? Integer.toString(step) : phase + "." + step;
    }
}
