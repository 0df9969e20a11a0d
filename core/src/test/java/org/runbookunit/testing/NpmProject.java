package org.runbookunit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Copy an npm project from the test resources into target/ and install it (no browser download), within 5 minutes. */
public final class NpmProject {

    private NpmProject() {
    }

    /** Copy {@code source} to {@code target}, run {@code npm install} there and return {@code target}. */
    public static Path install(Path source, Path target) {
        try {
            copy(source, target);
            Path log = target.resolve("npm-install.log");
            ProcessBuilder builder = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefer-offline",
                    "--loglevel=error").directory(target.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            Process npm = builder.start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.descendants().forEach(ProcessHandle::destroyForcibly);
                npm.destroyForcibly();
                throw new IllegalStateException("npm install in " + target + " did not finish within 5 minutes");
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm install in " + target + " failed:\n" + Files.readString(log));
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
