package org.runbookunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Make a step one that a person performs: the console prints the instruction, and the step is PENDING (verdict HOLD)
 * until someone attests it in the {@code runbook.attestations} file or with {@code -Drunbook.attest.<step-id>}; then
 * the method body runs (it may verify the result) and the attestation goes into the report.
 *
 * <pre>{@code
 * @Step(order = 2, value = "Power off the old droplet")
 * @Manual("In the DigitalOcean console: Power Off the old droplet. Do NOT destroy it.")
 * void powerOff() {}
 *
 * @Step(order = 1, value = "GO/NO-GO approved")
 * @Manual(value = "Review this report and approve the release", approvers = {"Tech Lead", "QA Lead", "DevOps"})
 * void approved() {}   // -Drunbook.attest.9.1.tech-lead="Jane Doe: reviewed", ….qa-lead=…, ….devops=…
 * }</pre>
 *
 * <p>With {@link #approvers()} each person attests separately, under {@code <step-id>.<approver-slug>}; the step stays
 * PENDING (verdict HOLD, naming who is missing) until all of them have.
 */
@Documented
@ExtendWith(OutsideRunbookCheck.class)
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Manual {

    /** Tell the operator exactly what to do. */
    String value();

    /** Name the people who must each attest the step, e.g. {@code {"Tech Lead", "QA Lead", "DevOps"}}; default: anyone. */
    String[] approvers() default {};
}
