package org.runbookunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mark a step (or every step of a phase) that changes the system it checks — a config switch, a restart, a migration.
 * In a {@code read-only} environment it is refused (SKIPPED, "refused in read-only environment [production]") unless
 * {@code runbook.allow-destructive=true}.
 *
 * <pre>{@code
 * @Step(order = 2, value = "Restart API with the production config")
 * @Destructive
 * void restart(Http http) { http.withBearerToken(token).post("api", "/admin/restart").expectStatus(202); }
 * }</pre>
 */
@Documented
@ExtendWith(OutsideRunbookCheck.class)
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Destructive {
}
