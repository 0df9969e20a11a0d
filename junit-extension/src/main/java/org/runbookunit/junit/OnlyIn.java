package org.runbookunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Run a step (or every step of a phase) only in the named environments; elsewhere it is SKIPPED with
 * {@code "not run in [local]: @OnlyIn(staging, production)"}.
 *
 * <pre>{@code
 * @Step(order = 1, value = "DNS points at the new droplet") @OnlyIn({"staging", "production"})
 * void dns(Http http) { ... }
 * }</pre>
 */
@Documented
@ExtendWith(OutsideRunbookCheck.class)
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OnlyIn {

    /** Name the environments of runbook.yaml the step runs in. */
    String[] value();
}
