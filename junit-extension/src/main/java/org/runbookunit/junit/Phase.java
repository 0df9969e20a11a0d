package org.runbookunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Group steps into a numbered phase of a {@link Runbook}; put it on a {@code @Nested} inner class.
 *
 * <pre>{@code
 * @Nested @Phase(order = 1, value = "Pre-cutover validation")
 * class PreCutover {
 *     @Step(order = 1, value = "All health endpoints return 200") void health(Http http) { ... }
 * }
 * }</pre>
 *
 * <p>Phases run by {@link #order()}, whatever their position in the source; step {@code 2} of phase {@code 1} is
 * numbered {@code 1.2} everywhere.
 *
 * <p>A rollback phase ({@code onFailureOnly = true}) runs only when an earlier CRITICAL step failed, instead of being
 * BLOCKED by it; otherwise its steps are SKIPPED ("no failure to roll back"). A failed CRITICAL rollback step blocks
 * the rest of the rollback. The verdict stays NO-GO; the console and reports say "Rollback verified" or
 * "Rollback FAILED at 99.2".
 *
 * <pre>{@code
 * @Nested @Phase(order = 99, value = "Rollback", onFailureOnly = true)
 * class Rollback {
 *     @Step(order = 1, value = "Old production serves again") @Destructive
 *     void restore(Shell shell, Http http) { ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestMethodOrder(StepOrder.class)
public @interface Phase {

    /** Give the phase's number, at least 1 and unique within the runbook. */
    int order();

    /** Name the phase as the runbook document does. */
    String value();

    /**
     * Run the phase's steps concurrently, at most {@code runbook.parallelism} at a time; a CRITICAL failure among them
     * blocks later phases, not its siblings. Console lines stay whole and the report keeps step order.
     */
    boolean parallel() default false;

    /** Make this a rollback phase: run only after an earlier CRITICAL step failed; default false. */
    boolean onFailureOnly() default false;
}
