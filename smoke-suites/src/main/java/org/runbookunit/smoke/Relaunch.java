package org.runbookunit.smoke;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Start the real run in a JVM tuned for a short life when {@code java -jar} gave none: C1 only
 * ({@code -XX:TieredStopAtLevel=1}, the C2 compiler never pays back in a smoke run) and the AppCDS archive beside the
 * jar when there is one. Costs one bare JVM start; halves the CPU time of a run (see bench/smoke-vs-newman.sh).
 * {@code RUNBOOK_SMOKE_RELAUNCH=false}, or any {@code -XX:TieredStopAtLevel} of your own, keeps the first JVM.
 */
final class Relaunch {

    /** The environment variable that turns the relaunch off. */
    static final String SWITCH = "RUNBOOK_SMOKE_RELAUNCH";
    private static final String TUNED = "-Drunbook.smoke.tuned=true";

    private Relaunch() {
    }

    /** Return the command of the tuned JVM, or empty when this JVM should run the command line itself. */
    static Optional<List<String>> command(String... args) {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if ("false".equalsIgnoreCase(System.getenv(SWITCH)) || jvm.contains(TUNED)
                || jvm.stream().anyMatch(flag -> flag.startsWith("-XX:TieredStopAtLevel") || flag.startsWith("-agentlib"))) {
            return Optional.empty();
        }
        Optional<Path> jar = ownJar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", TUNED));
        Path archive = Path.of(jar.get().toString().replaceAll("\\.jar$", ".jsa"));
        if (Files.isReadable(archive) && jvm.stream().noneMatch(flag -> flag.startsWith("-XX:SharedArchiveFile"))) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        command.addAll(jvm);
        command.add("-jar");
        command.add(jar.get().toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** Run the tuned JVM with this one's standard streams and return its exit code; stop it if this JVM is stopped. */
    static int run(List<String> command) {
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread stop = new Thread(child::destroy, "runbookunit-smoke-relaunch-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return code;
        } catch (IOException cannotStart) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ExitCodes.SOFTWARE;
        }
    }

    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(Relaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? Optional.of(location)
                    : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException unknown) {
            return Optional.empty();
        }
    }
}
