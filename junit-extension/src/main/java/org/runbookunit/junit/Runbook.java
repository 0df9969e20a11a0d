package org.runbookunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Make a test class an executable runbook: steps run in order, a failed CRITICAL step blocks the rest, the gate decides
 * GO or NO-GO after the last step, and the report is written to {@code target/runbook-reports/<id>/}.
 *
 * <pre>{@code
 * @Runbook("air-demand staging validation")
 * class StagingValidation {
 *     @Nested @Phase(order = 1, value = "Health")
 *     class Health {
 *         @Step(order = 1, value = "API /health returns healthy")
 *         void health(Http http) {
 *             http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>A runbook holds either {@link Step} methods or {@link Phase} classes, not both. Configuration keys are listed in
 * {@link org.runbookunit.config.ConfigKeys}: {@code runbook.env}, {@code runbook.config}, {@code runbook.reports.dir},
 * {@code runbook.gate.min-pass-rate}, {@code runbook.http.timeout}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({RunbookExtension.class, StepParameterResolver.class})
@TestMethodOrder(StepOrder.class)
@TestClassOrder(PhaseOrder.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface Runbook {

    /** Name the runbook as its document does, e.g. {@code "air-demand staging validation"}. */
    String value();

    /** Name the report folder; default: the title as a slug ({@code air-demand-staging-validation}). */
    String id() default "";

    /**
     * Limit the whole run, e.g. {@code "45m"}: the console shows time used and left, and a step that would start after
     * the budget is spent is FAILED with "runbook budget of 45m exhausted". Default: no limit.
     */
    String budget() default "";
}
