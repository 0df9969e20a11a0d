package org.runbookunit.smoke.spi;

import org.runbookunit.spi.StepContext;

/**
 * Check one thing in a config-only suite step, through the step's facades ({@code context.facade(Http.class)}).
 *
 * <p>Instances are read from YAML by Jackson: plain fields with {@code @JsonProperty}, unknown keys rejected.
 */
public interface SmokeCheck {

    /** Fail with a message naming the key, the bad value in brackets and the fix, before anything runs. */
    default void validate() {
    }

    /** Describe what the check does, for plans and reports: {@code GET api /health → 200}. */
    String describe();

    /** Run the check; throw an {@link AssertionError} (or let a facade collect one) when it does not hold. */
    void run(StepContext context) throws Exception;
}
