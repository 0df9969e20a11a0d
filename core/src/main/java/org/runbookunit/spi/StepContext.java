package org.runbookunit.spi;

import java.time.Instant;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.secrets.Secrets;

/** Give a {@link FacadeProvider} what one running step offers: its environment, settings, evidence and secrets. */
public interface StepContext {

    /** Return the step being run. */
    StepDefinition step();

    /** Return the id of the runbook the step belongs to (its report folder's name), e.g. for its run history. */
    default String runbookId() {
        return "";
    }

    /** Return the clock of the run: what "now" and "today" are for its steps (the system's UTC clock but in rehearsals). */
    default java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    /** Return the environment the run is against. */
    RunbookEnvironment environment();

    /** Return the run's settings; {@link RunbookSettings#raw(String)} reads a facade's own keys. */
    RunbookSettings settings();

    /** Return the step's evidence recorder. */
    Evidence evidence();

    /** Return where a facade notes what made the step less than clean (a retry, degraded latency): WARNED. */
    Warnings warnings();

    /** Return the values redacted from every output. */
    default Secrets secrets() {
        return environment().secrets();
    }

    /** Tell whether the step may change the environment: not read-only, or a {@code @Destructive} step allowed. */
    boolean mayWrite();

    /** Return another facade of the same step, opened on first use. */
    <F> F facade(Class<F> type);

    /** Throw every failed check the step's facades collected so far (a window calls it after each sample). */
    void verifyPendingChecks();

    /** Return when the runbook's run started, e.g. for "no ERROR in the logs since the run started". */
    Instant runStartedAt();

    /** Return the test run's resources, shared by every step of every runbook in it (one browser, one SSH session). */
    RunResources shared();
}
