package org.runbookunit.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;

/**
 * Give a run its clock: the system's UTC clock, or in a rehearsal environment one that starts at {@code runbook.clock}
 * (to rehearse a week of scheduled monitoring runs in seconds). Elsewhere the key is refused: a report or ledger entry
 * of a real environment is never dated by hand.
 */
public final class RunClock {

    private RunClock() {
    }

    /** Return the clock of a run in an environment. */
    public static Clock of(RunbookSettings settings, RunbookEnvironment environment) {
        Optional<String> start = settings.raw(ConfigKeys.CLOCK);
        if (start.isEmpty()) {
            return Clock.systemUTC();
        }
        if (!environment.rehearsal()) {
            throw new RunbookConfigurationException(ConfigKeys.CLOCK + " [" + start.get() + "] dates the run by hand and "
                    + "is only allowed in a rehearsal environment, but [" + environment.name() + "] is not one; remove "
                    + ConfigKeys.CLOCK + " or set rehearsal: true on the environment");
        }
        try {
            Instant at = Instant.parse(start.get());
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
        } catch (DateTimeParseException notAnInstant) {
            throw new RunbookConfigurationException(ConfigKeys.CLOCK + " must be an ISO-8601 instant like "
                    + "2026-11-24T05:30:00Z but was [" + start.get() + "]", notAnInstant);
        }
    }
}
