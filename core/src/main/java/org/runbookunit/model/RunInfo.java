package org.runbookunit.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

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
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            git.getOutputStream().close();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return "unknown";
            }
            String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && head.matches("[0-9a-f]{40}") ? head : "unknown";
        } catch (IOException noGit) {
            return "unknown";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
