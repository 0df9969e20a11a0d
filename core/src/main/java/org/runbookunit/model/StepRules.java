package org.runbookunit.model;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.runbookunit.config.RunbookEnvironment;

/**
 * Say where a step may run: only in some environments, not in others, and whether it changes the system it checks.
 *
 * @param onlyIn the environments the step runs in; empty means all
 * @param notIn the environments the step never runs in
 * @param destructive whether the step changes the system (config switch, restart, migration): refused in read-only
 *     environments unless {@code runbook.allow-destructive=true}
 */
public record StepRules(Set<String> onlyIn, Set<String> notIn, boolean destructive) {

    /** Rules of a step that runs everywhere and changes nothing. */
    public static final StepRules ANYWHERE = new StepRules(Set.of(), Set.of(), false);

    /** Freeze and sort the sets. */
    public StepRules {
        onlyIn = Set.copyOf(onlyIn);
        notIn = Set.copyOf(notIn);
    }

    /** Return why the step must not run in an environment, or empty when it may run. */
    public Optional<String> refusal(RunbookEnvironment environment, boolean allowDestructive) {
        String name = environment.name();
        if (!onlyIn.isEmpty() && !onlyIn.contains(name)) {
            return Optional.of("not run in [" + name + "]: @OnlyIn(" + String.join(", ", new TreeSet<>(onlyIn)) + ")");
        }
        if (notIn.contains(name)) {
            return Optional.of("not run in [" + name + "]: @NotIn(" + String.join(", ", new TreeSet<>(notIn)) + ")");
        }
        if (destructive && environment.readOnly() && !allowDestructive) {
            return Optional.of("refused in read-only environment [" + name + "]: @Destructive step; set "
                    + "runbook.allow-destructive=true to run it anyway");
        }
        return Optional.empty();
    }
}
