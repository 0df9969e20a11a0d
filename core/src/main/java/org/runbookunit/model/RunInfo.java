package org.runbookunit.model;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;

/**
 * Say exactly what a run validated and who ran it, for the sign-off.
 *
 * @param environment the environment's name
 * @param configSource where the environments came from
 * @param configSha256 the SHA-256 of the environments file, empty without one
 * @param commit the {@code git rev-parse HEAD} of the working directory, or {@code unknown}
 * @param runBy the {@code user.name} of the JVM
 */
public record RunInfo(String environment, String configSource, String configSha256, String commit, String runBy) {

    /** Describe a run in this JVM and working directory: the commit comes from git when it answers within 5 s. */
    public static RunInfo of(String environment, String configSource, String configSha256) {
        return new RunInfo(environment, configSource, configSha256, gitHead(), System.getProperty("user.name", "unknown"));
    }

    private static String gitHead() {
        try {
            ProcessResult git = ProcessRunner.command(List.of("git", "rev-parse", "HEAD")).timeout(Duration.ofSeconds(5))
                    .outputCap(4096).run();
            String head = git.stdout().text().trim();
            return git.succeeded() && head.matches("[0-9a-f]{40}") ? head : "unknown";
        } catch (IOException noGit) {
            return "unknown";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
