package org.runbookunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.runbookunit.rehearsal.RehearsalStack;

/**
 * Rehearse a {@link Runbook} against a local stack: when the selected environment has {@code rehearsal: true}, the
 * stack starts before the first step (once per JVM, shared by every runbook naming it), its endpoints and database are
 * bound into the environment, its logs are saved as run evidence, and it stops at the end. In other environments the
 * runbook runs unchanged against runbook.yaml's endpoints and no stack starts.
 *
 * <pre>{@code
 * @Runbook("air-demand local rehearsal")
 * @Rehearsal(AirDemandStack.class)
 * class LocalRehearsal { ... }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Rehearsal {

    /** Name the stack class; it needs a public no-argument constructor. */
    Class<? extends RehearsalStack> value();
}
