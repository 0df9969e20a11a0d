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
}
