package org.runbookunit.smoke;

import java.util.List;
import java.util.Map;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.runbookunit.smoke.spi.SmokeCheck;

/**
 * Hold a config-only suite ready to run: its plan and the checks of each step.
 *
 * @param source where the suite came from, e.g. {@code smoke.yaml} or {@code builtin:http-health}
 * @param plan the steps in run order
 * @param checks the checks of each step, by step id
 */
record Suite(String source, RunbookPlan plan, Map<StepId, List<SmokeCheck>> checks) {

    /** Freeze the map. */
    Suite {
        checks = Map.copyOf(checks);
    }

    /** Return the checks of a step, empty for a manual step. */
    List<SmokeCheck> checksOf(StepDefinition step) {
        return checks.getOrDefault(step.id(), List.of());
    }
}
