package org.runbookunit.faults;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.model.StepResult;

/**
 * Run the three fault steps in this JVM against {@code api} (args: the URI, then a {@code runbook.http.timeout}),
 * print the console, each step's outcome and message, the report folder and this JVM's peak resident memory.
 */
public final class FaultInChildJvm {

    private FaultInChildJvm() {
    }

    /** Run and print; the parent reads everything this JVM wrote. */
    public static void main(String[] args) throws IOException {
        FaultRun run = new FaultRun().setting(ConfigKeys.HTTP_TIMEOUT, args.length > 1 ? args[1] : "10s");
        run.run(URI.create(args[0]), http -> http.get("api", FaultRun.withSecretQuery("/body")).expectStatus(200));
        System.out.print(run.console());
        for (StepResult step : run.result().steps()) {
            System.out.println("step " + step.step().id() + " " + step.outcome() + ": " + step.message());
        }
        System.out.println("reports: " + run.reports);
        Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                .forEach(System.out::println);
    }
}
