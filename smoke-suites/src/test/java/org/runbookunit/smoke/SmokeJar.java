package org.runbookunit.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Run the built jar with a bare {@code java -jar} in a child process: no Maven class path, a working folder, a deadline. */
final class SmokeJar {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private final Path jar;
    private final Path workDir;
    private final Map<String, String> environment = new HashMap<>();

    private SmokeJar(Path jar, Path workDir) {
        this.jar = jar;
        this.workDir = workDir;
    }

    /** Use the jar the build just packaged, with a fresh working folder under target/jar-tests. */
    static SmokeJar in(String testName) {
        Path jar = Path.of(System.getProperty("smoke.jar", "target/runbookunit-smoke.jar"));
        assertThat(jar).as("the packaged jar; run the jar tests with mvn verify").isRegularFile();
        Path work = Path.of(System.getProperty("smoke.work", "target/jar-tests")).resolve(testName).toAbsolutePath();
        try {
            if (Files.exists(work)) {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(work);
        } catch (IOException cannotPrepare) {
            throw new UncheckedIOException(cannotPrepare);
        }
        return new SmokeJar(jar.toAbsolutePath(), work);
    }

    Path jar() {
        return jar;
    }

    Path workDir() {
        return workDir;
    }

    /** Write a file into the working folder and return its path. */
    Path write(String name, String text) {
        try {
            Path file = workDir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    /** Set an environment variable of the child. */
    SmokeJar env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Run {@code java -jar <jar> args…} and return what it did. */
    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + workDir, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    /** Run a shell command line (the CI documentation's) in the working folder. */
    Result shell(String commandLine) {
        return exec(List.of("bash", "-eu", "-o", "pipefail", "-c", commandLine));
    }

    private Result exec(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RUNBOOK_") || name.equals("CLASSPATH")
                || name.equals("GITHUB_STEP_SUMMARY") || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(environment);
        Path out = workDir.resolve("stdout-" + System.nanoTime() + ".txt");
        Path err = workDir.resolve("stderr-" + System.nanoTime() + ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("[" + String.join(" ", command) + "] did not finish within " + DEADLINE
                        + "; stdout so far:\n" + Files.readString(out));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException cannotRun) {
            throw new UncheckedIOException(cannotRun);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    /**
     * What the child did.
     *
     * @param exitCode its exit code
     * @param stdout its standard output
     * @param stderr its standard error
     */
    record Result(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
