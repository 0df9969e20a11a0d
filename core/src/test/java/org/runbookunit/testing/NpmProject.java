package org.runbookunit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;
import java.util.stream.Stream;

/** Copy an npm project from the test resources into target/ and install it (no browser download), within 5 minutes. */
public final class NpmProject {

    private NpmProject() {
    }

    /** Copy {@code source} to {@code target}, run {@code npm install} there and return {@code target}. */
    public static Path install(Path source, Path target) {
        try {
            copy(source, target);
            ProcessResult npm = ProcessRunner.command(List.of("npm", "install", "--no-audit", "--no-fund",
                    "--prefer-offline", "--loglevel=error")).directory(target)
                    .environment(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")).timeout(Duration.ofMinutes(5)).run();
            if (npm.timedOut() || npm.exitCode() != 0) {
                throw new IllegalStateException("npm install in " + target + (npm.timedOut()
                        ? " did not finish within 5 minutes" : " failed") + ":\n" + npm.stdout().describe()
                        + npm.stderr().describe());
            }
            return target;
        } catch (IOException cannotInstall) {
            throw new UncheckedIOException(cannotInstall);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing " + target, interrupted);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
