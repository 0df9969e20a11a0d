package org.runbookunit.model;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * List every step of a runbook in the order it runs.
 *
 * @param id the runbook's id, used as its report folder name
 * @param title the runbook's title
 * @param steps the steps, sorted by {@link StepId}
 * @param budget how long the whole run may take, if limited
 */
public record RunbookPlan(String id, String title, List<StepDefinition> steps, Optional<Duration> budget) {

    /** Sort and freeze the steps. */
    public RunbookPlan {
        steps = steps.stream().sorted(Comparator.comparing(StepDefinition::id)).toList();
    }

    /** Describe a runbook without a time budget. */
    public RunbookPlan(String id, String title, List<StepDefinition> steps) {
        this(id, title, steps, Optional.empty());
    }

    /** Find a step by its id. */
    public Optional<StepDefinition> step(StepId stepId) {
        return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
    }
}
