package org.runbookunit.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runbookunit.gate.Gate;
import org.runbookunit.model.GateDecision;
import org.runbookunit.model.RunInfo;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepResult;

/**
 * What a journal says of a run: its plan, the results recorded, the step running when it stopped, whether it ended.
 *
 * @param plan the runbook's steps as they were planned
 * @param info where and by whom it ran
 * @param startedAt when it started
 * @param pid the process that ran it
 * @param results the results recorded, in order
 * @param running the step that had begun and not finished, if any
 * @param ended whether the run reached its verdict
 */
record JournaledRun(RunbookPlan plan, RunInfo info, Instant startedAt, long pid, List<StepResult> results,
        Optional<String> running, boolean ended) {

    /** Describe the run as an INCOMPLETE result: what finished, what was running, what never ran, and why. */
    RunbookResult incomplete(Path reportDir, Instant reportedAt, String why) {
        List<String> reasons = new ArrayList<>();
        reasons.add("the run did not finish: " + why + "; " + results.size() + " of " + plan.steps().size()
                + " steps recorded");
        running.ifPresent(label -> reasons.add(label + " was running and has no result"));
        List<String> neverRan = plan.steps().stream().filter(step -> results.stream().noneMatch(result -> result.step()
                .id().equals(step.id()))).map(StepDefinition::label).filter(label -> !running.equals(Optional.of(label)))
                .toList();
        if (!neverRan.isEmpty()) {
            reasons.add("never ran: " + String.join(", ", neverRan));
        }
        GateDecision decision = new Gate(0).evaluate(results).incomplete(reasons);
        return new RunbookResult(plan, info, reportDir, startedAt, reportedAt, results, decision, List.of());
    }
}
