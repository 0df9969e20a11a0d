package org.runbookunit.launch;

import java.nio.file.Path;
import java.util.Optional;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.run.ReportFolder;

/**
 * Turn the {@code journal.jsonl} of a run that was killed (e.g. {@code kill -9}) into its reports, marked
 * INCOMPLETE, without waiting for the next run to do it:
 *
 * <pre>
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.runbookunit.launch.IncompleteReport \
 *     -Dexec.args=target/runbook-reports/air-demand-staging-validation
 * </pre>
 *
 * <p>Exit code 0 when a report was written, 1 when a folder holds no unfinished run, 64 without a folder.
 */
public final class IncompleteReport {

    private IncompleteReport() {
    }

    /** Recover each report folder named on the command line. */
    public static void main(String[] folders) {
        if (folders.length == 0) {
            System.err.println("usage: IncompleteReport REPORT_FOLDER... (e.g. target/runbook-reports/<runbook-id>)");
            System.exit(64);
        }
        int status = 0;
        for (String folder : folders) {
            Optional<RunbookResult> result = ReportFolder.recover(Path.of(folder).toAbsolutePath(),
                    "the JVM that ran it stopped without finishing; reported by IncompleteReport");
            if (result.isPresent()) {
                System.out.println(result.get().decision().verdict().label() + ": " + result.get().reportDir()
                        .resolve("report.md") + " (" + result.get().steps().size() + " steps recorded)");
            } else {
                System.out.println("no unfinished run in " + folder + " (no journal.jsonl, or its run finished)");
                status = 1;
            }
        }
        System.exit(status);
    }
}
