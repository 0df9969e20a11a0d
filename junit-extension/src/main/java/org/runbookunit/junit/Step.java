package org.runbookunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runbookunit.Severity;

/**
 * Make a method one numbered step of a {@link Runbook}; it may take {@code Http}, {@code Evidence} and
 * {@code RunbookEnvironment} parameters.
 *
 * <pre>{@code
 * @Step(order = 2, value = "Roles endpoint answers", severity = Severity.MAJOR)
 * void roles(Http http) {
 *     http.get("api", "/demand/roles?limit=5").expectStatus(200).expectJson("roles.size()", 5);
 * }
 * }</pre>
 *
 * <p>A failed CRITICAL step is FAILED and blocks every later step; a failed MAJOR or MINOR step is WARNED.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@ExtendWith({RunbookExtension.class, StepParameterResolver.class})
public @interface Step {

    /** Give the step's number, at least 1 and unique within its phase (or runbook). */
    int order();

    /** Say what the step checks, in the runbook's own words. */
    String value();

    /** Say how much a failure matters; default CRITICAL. */
    Severity severity() default Severity.CRITICAL;
}
