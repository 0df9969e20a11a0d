package org.runbookunit.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.report.ReportWriter;
import org.runbookunit.secrets.Secrets;

/**
 * Keep a runbook's report folder trustworthy across runs: an earlier run that never finished is first reported
 * INCOMPLETE from its journal, and the earlier report moves to {@code previous/} instead of being deleted.
 */
public final class ReportFolder {

    /** The sub-folder that keeps the report of the run before. */
    public static final String PREVIOUS = "previous";

    private ReportFolder() {
    }

    /** Make room for a new run in the folder: recover an unfinished run, then move what is there to previous/. */
    static void prepare(Path reportDir, Secrets secrets, Instant now) {
        if (!Files.isDirectory(reportDir)) {
            return;
        }
        JournalReader.read(reportDir).filter(run -> !run.ended()).ifPresent(run -> reportIncomplete(reportDir, run,
                "the JVM that ran it (pid " + run.pid() + ") stopped without finishing (killed, e.g. kill -9); found by "
                        + "the next run", secrets, now));
        List<Path> earlier = entries(reportDir);
        if (earlier.isEmpty()) {
            return;
        }
        Path previous = reportDir.resolve(PREVIOUS);
        try {
            deleteTree(previous);
            Files.createDirectories(previous);
            for (Path entry : earlier) {
                Files.move(entry, previous.resolve(entry.getFileName()));
            }
        } catch (IOException cannotMove) {
            throw new UncheckedIOException("cannot keep the earlier report of " + reportDir + " in " + PREVIOUS + "/",
                    cannotMove);
        }
    }

    /**
     * Turn the journal of a run that did not finish into its reports, marked INCOMPLETE; the one-line command
     * {@code org.runbookunit.launch.IncompleteReport} does this for a folder by hand.
     *
     * @return the INCOMPLETE result, or empty when the folder has no journal or its run finished
     */
    public static Optional<RunbookResult> recover(Path reportDir, String why) {
        return JournalReader.read(reportDir).filter(run -> !run.ended())
                .map(run -> reportIncomplete(reportDir, run, why, Secrets.none(), Instant.now()));
    }

    static RunbookResult reportIncomplete(Path reportDir, JournaledRun run, String why, Secrets secrets, Instant now) {
        ReportWriter writer = new ReportWriter(Optional.empty(), secrets);
        RunbookResult result = run.incomplete(reportDir, now, why);
        writer.write(result);
        return result;
    }

    private static List<Path> entries(Path reportDir) {
        try (Stream<Path> entries = Files.list(reportDir)) {
            return entries.filter(entry -> !entry.getFileName().toString().equals(PREVIOUS)).sorted().toList();
        } catch (IOException cannotList) {
            throw new UncheckedIOException("cannot list the earlier report in " + reportDir, cannotList);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
