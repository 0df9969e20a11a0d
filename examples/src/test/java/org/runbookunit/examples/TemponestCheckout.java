package org.runbookunit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Make seed 004's rehearsal checkout of temponest: a real git repository (test resources {@code seed004/temponest/}:
 * the pytest suites, {@code scripts/deploy/}) with two releases, tags {@code v1.7.0} and {@code v1.8.0}, left checked
 * out at {@code v1.8.0} as section 1 of the seed leaves staging. The releases differ in {@code VERSION} and in
 * {@code config/temponest.properties}: a faulty v1.8.0 requires Ollama ({@code agents.require-ollama=true}).
 */
final class TemponestCheckout {

    private static final long GIT_DEADLINE_SECONDS = 30;

    private TemponestCheckout() {
    }

    /** Create the repository in an empty folder and return the folder. */
    static Path create(Path folder, boolean faultyRelease) {
        try {
            Path source = RunnerHost.resource("seed004/temponest");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = folder.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (Stream<Path> scripts = Files.list(folder.resolve("scripts/deploy"))) {
                scripts.filter(script -> script.toString().endsWith(".sh")).forEach(script -> script.toFile().setExecutable(true));
            }
            Files.writeString(folder.resolve(".gitignore"), ".env\nrun/\ntest-results/\n");
            git(folder, "init", "-q");
            release(folder, "1.7.0", false);
            release(folder, "1.8.0", faultyRelease);
            git(folder, "checkout", "-q", "v1.8.0");
            return folder;
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    /** Check out another release in the checkout, e.g. {@code v1.7.0} (a fault: the service runs v1.8.0). */
    static void checkOut(Path folder, String tag) {
        git(folder, "checkout", "-q", tag);
    }

    private static void release(Path folder, String version, boolean requireOllama) throws IOException {
        Files.writeString(folder.resolve("VERSION"), version + "\n");
        Files.writeString(folder.resolve("config/temponest.properties"), "# temponest v" + version + "\n"
                + "agents.require-ollama=" + requireOllama + "\n");
        git(folder, "add", "-A");
        git(folder, "commit", "-q", "-m", "temponest v" + version);
        git(folder, "tag", "v" + version);
    }

    private static void git(Path folder, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Rehearsal", "-c",
                "user.email=rehearsal@temponest.example", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            if (!git.waitFor(GIT_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + GIT_DEADLINE_SECONDS + " s");
            }
            String output = new String(git.getInputStream().readAllBytes());
            if (git.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + git.exitValue() + ": " + output);
            }
        } catch (IOException cannotStart) {
            throw new IllegalStateException("cannot run git (apt-get install git): " + cannotStart.getMessage(), cannotStart);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, interrupted);
        }
    }
}
