package org.runbookunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keep a step (or every step of a phase) out of the named environments; there it is SKIPPED with
 * {@code "not run in [local]: @NotIn(local)"}.
 *
 * <pre>{@code
 * @Nested @Phase(order = 7, value = "One-week monitoring") @NotIn("local")
 * class Monitoring { ... }
 * }</pre>
 */
@Documented
@ExtendWith(OutsideRunbookCheck.class)
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotIn {

    /** Name the environments of runbook.yaml the step never runs in. */
    String[] value();
}
