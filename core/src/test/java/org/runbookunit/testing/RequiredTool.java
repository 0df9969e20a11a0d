package org.runbookunit.testing;

import java.io.IOException;
import java.util.List;
import java.time.Duration;
import org.runbookunit.internal.process.ProcessRunner;
import org.junit.jupiter.api.Assumptions;

/**
 * Check that a command-line tool a test runs is installed: skipped with the reason and the fix on a laptop without it,
 * FAILED in CI ({@code CI=true}), where .ci/run must install it.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /** Run the probe command (e.g. {@code python3 -m pytest --version}); skip or fail the test when it does not exit 0. */
    public static void require(String tool, String fix, String... probe) {
        if (answers(List.of(probe))) {
            return;
        }
        String reason = tool + " is not installed (`" + String.join(" ", probe) + "` failed); " + fix;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; CI=true, so .ci/run must install it");
        }
        Assumptions.abort(reason);
    }

    private static boolean answers(List<String> probe) {
        try {
            return ProcessRunner.command(probe).timeout(Duration.ofSeconds(30)).run().exitCode() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
