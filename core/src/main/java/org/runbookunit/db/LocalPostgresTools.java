package org.runbookunit.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.internal.process.ProcessResult;
import org.runbookunit.internal.process.ProcessRunner;

/**
 * Run the client tools installed on this machine: from {@code runbook.postgres.bin-dir} when set (its major version
 * checked), else from {@code /usr/lib/postgresql/<server major>/bin}.
 */
final class LocalPostgresTools implements PostgresTools {

    /** Where Debian and Ubuntu install one folder per PostgreSQL major version. */
    public static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final Optional<Path> binDir;
    private final Path root;

    /**
     * Create the lookup.
     *
     * @param binDir a configured folder holding the tools, if any
     * @param root the folder holding one {@code <major>/bin} per installed version, usually {@link #DEBIAN_ROOT}
     */
    public LocalPostgresTools(Optional<Path> binDir, Path root) {
        this.binDir = binDir;
        this.root = root;
    }

    @Override
    public ProcessBuilder process(String tool, ServerVersion server, PostgresTarget target, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(locate(tool, server, target).toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(target.environment());
        return builder;
    }

    private Path locate(String tool, ServerVersion server, PostgresTarget target) {
        if (binDir.isPresent()) {
            Path executable = binDir.get().resolve(tool);
            if (!Files.isExecutable(executable)) {
                throw new DatabaseException(ConfigKeys.POSTGRES_BIN_DIR + " [" + binDir.get() + "] has no executable "
                        + tool + "; point it at the bin folder of a PostgreSQL " + server.major() + " installation");
            }
            int major = majorOf(executable);
            if (major != server.major()) {
                throw new DatabaseException(tool + " in " + ConfigKeys.POSTGRES_BIN_DIR + " [" + binDir.get() + "] is "
                        + "PostgreSQL " + major + ", but the server [" + target + "] runs PostgreSQL " + server + "; "
                        + whyAndFix(tool, server));
            }
            return executable;
        }
        Path executable = root.resolve(String.valueOf(server.major())).resolve("bin").resolve(tool);
        if (Files.isExecutable(executable)) {
            return executable;
        }
        throw new DatabaseException(tool + " for PostgreSQL " + server.major() + " not found: the server [" + target
                + "] runs PostgreSQL " + server + ", and [" + root + "] has " + tool + " only for " + installed(tool)
                + "; " + whyAndFix(tool, server));
    }

    private static String whyAndFix(String tool, ServerVersion server) {
        return tool + " must have the server's major version (an older pg_dump refuses a newer server, a newer one writes "
                + "archives an older pg_restore cannot read). Install PostgreSQL " + server.major() + "'s client tools "
                + "(apt-get install postgresql-client-" + server.major() + ") or set " + ConfigKeys.POSTGRES_BIN_DIR
                + " to their bin folder";
    }

    private List<Integer> installed(String tool) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin").resolve(tool)))
                    .map(version -> version.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .map(Integer::parseInt).sorted().toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private static int majorOf(Path executable) {
        try {
            ProcessResult result = ProcessRunner.command(List.of(executable.toString(), "--version"))
                    .timeout(VERSION_TIMEOUT).outputCap(4096).run();
            String output = (result.stdout().text() + result.stderr().text()).strip();
            if (result.timedOut()) {
                throw new DatabaseException(executable + " --version did not answer within "
                        + VERSION_TIMEOUT.toSeconds() + " s and was killed");
            }
            Matcher matcher = VERSION.matcher(output);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            throw new DatabaseException(executable + " --version printed no PostgreSQL version: [" + output + "]");
        } catch (IOException cannotRun) {
            throw new DatabaseException("cannot run " + executable + " --version: " + cannotRun.getMessage(), cannotRun);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while asking " + executable + " for its version", interrupted);
        }
    }
}
