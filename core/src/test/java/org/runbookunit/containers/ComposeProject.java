package org.runbookunit.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Bring a compose file up under a unique project name with the machine's docker-compose, and down again with -v. */
final class ComposeProject implements AutoCloseable {

    final String name = "rbu" + UUID.randomUUID().toString().substring(0, 8);
    private final Path file;

    private ComposeProject(Path file) {
        this.file = file;
    }

    static ComposeProject up(String resource) {
        ComposeProject project = new ComposeProject(Path.of("src/test/resources/containers", resource).toAbsolutePath());
        project.compose("up", "-d");
        return project;
    }

    private void compose(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", name, "-f", file.toString()));
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile(Path.of("target"), "compose-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 120 s: " + Files.readString(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + Files.readString(log));
            }
        } catch (IOException cannotRun) {
            throw new IllegalStateException("cannot run " + command, cannotRun);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    String container(String service) {
        return name + "_" + service + "_1";
    }

    @Override
    public void close() {
        compose("down", "-v", "-t", "1");
    }
}
