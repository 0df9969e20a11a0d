package org.runbookunit.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Run {@link FaultInChildJvm} in a child JVM with a small heap, within a deadline, and keep all it printed. */
final class ChildJvm {

    private static final Pattern PEAK = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    final String output;
    final long elapsedMillis;

    private ChildJvm(String output, long elapsedMillis) {
        this.output = output;
        this.elapsedMillis = elapsedMillis;
    }

    /** Run the fault steps against a URI with {@code -Xmx256m}. */
    static ChildJvm run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                FaultInChildJvm.class.getName()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> drain(child.getInputStream()));
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish within 120 s");
        }
        return new ChildJvm(output.join(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Return the child's peak resident memory in MB, from /proc/self/status VmHWM. */
    long peakRssMegabytes() {
        Matcher matcher = PEAK.matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("the child printed no VmHWM:\n" + output);
        }
        return Long.parseLong(matcher.group(1)) / 1024;
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        } catch (IOException cannotRead) {
            throw new UncheckedIOException(cannotRead);
        }
    }
}
