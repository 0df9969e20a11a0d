package org.runbookunit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.rehearsal.Docker;

/**
 * Run a test only where a Docker engine answers: skipped with a clear reason on a laptop without one, FAILED in CI
 * ({@code CI=true}), where .ci/run must have started an engine.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
public @interface RequiresDocker {

    /** Decide whether a Docker-backed test runs. */
    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Docker.available()) {
                return ConditionEvaluationResult.enabled("a Docker engine answers");
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Docker-backed test cannot run: no Docker engine answers in CI; "
                        + ".ci/run must start one with scripts/airgap-docker.sh");
            }
            return ConditionEvaluationResult.disabled("Docker-backed test skipped: no Docker engine answers "
                    + "(start one with scripts/airgap-docker.sh)");
        }
    }
}
