package org.runbookunit.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run real children through {@link ProcessRunner}: hung, chatty, failing, writing to stderr, with files. */
class ProcessRunnerTests {

    private static ProcessRunner sh(String script) {
        return ProcessRunner.command(List.of("/bin/sh", "-c", script));
    }

    @Test
    void aHungChildIsKilledAtItsDeadlineWithItsChildren() throws Exception {
        Path pidFile = Files.createDirectories(Path.of("target", "process-tests")).resolve("grandchild.pid");
        Files.deleteIfExists(pidFile);
        long start = System.nanoTime();
        ProcessResult result = sh("sleep 60 & echo $! > " + pidFile + "; echo started; wait")
                .timeout(Duration.ofMillis(700)).grace(Duration.ofMillis(300)).run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stdout().text()).isEqualTo("started\n");
        assertThat(took).isBetween(Duration.ofMillis(700), Duration.ofSeconds(4));
        long grandchild = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(running(grandchild)).as("grandchild sleep still running").isFalse();
    }

    /** Tell whether a process runs: a killed one may stay a zombie (state Z) where nothing reaps orphans, as in containers. */
    private static boolean running(long pid) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (!Files.exists(stat) || Files.readString(stat).replaceAll("^.*\\) ", "").startsWith("Z")) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void aChildIgnoringTheTerminationRequestIsKilledAfterTheGrace() throws Exception {
        long start = System.nanoTime();
        ProcessResult result = sh("trap '' TERM; while true; do sleep 0.1; done")
                .timeout(Duration.ofMillis(500)).grace(Duration.ofMillis(500)).run();

        assertThat(result.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void hugeOutputIsCappedAtTheHeadAndCounted() throws Exception {
        long before = heapRetained();
        ProcessResult result = sh("head -c 200000000 /dev/zero | tr '\\0' x").outputCap(4096)
                .timeout(Duration.ofSeconds(60)).run();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout().head()).hasSize(4096);
        assertThat(result.stdout().totalBytes()).isEqualTo(200_000_000L);
        assertThat(result.stdout().describe()).endsWith("(output capped: 199995904 more bytes of 200000000 not kept)");
        assertThat(heapRetained() - before).as("heap kept after 200 MB of output").isLessThan(50_000_000L);
    }

    /** Return the heap still in use after a collection: what the runner keeps, not garbage of earlier tests. */
    private static long heapRetained() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void aNonZeroExitAndStandardErrorAreKeptApart() throws Exception {
        ProcessResult result = sh("echo out; echo 'no such unit' >&2; exit 3").run();

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout().text()).isEqualTo("out\n");
        assertThat(result.stderr().text()).isEqualTo("no such unit\n");
        assertThat(result.duration()).isPositive();
    }

    @Test
    void bothStreamsAreDrainedTogetherSoAFullStderrPipeCannotHangTheChild() throws Exception {
        ProcessResult result = sh("head -c 1000000 /dev/zero >&2; echo done").timeout(Duration.ofSeconds(20)).run();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stderr().totalBytes()).isEqualTo(1_000_000L);
        assertThat(result.stdout().text()).isEqualTo("done\n");
    }

    @Test
    void standardInputAndOutputCanBeFiles() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "process-tests"));
        Path in = Files.writeString(folder.resolve("in.txt"), "air-demand\n");
        Path out = folder.resolve("out.txt");
        ProcessResult result = ProcessRunner.command(List.of("tr", "a-z", "A-Z")).stdinFrom(in).stdoutTo(out).run();

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo("AIR-DEMAND\n");
        assertThat(result.stdout().totalBytes()).isZero();
    }

    @Test
    void environmentAndDirectoryReachTheChild() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "process-tests")).toAbsolutePath();
        ProcessResult result = sh("echo \"$GREETING $(pwd)\"").environment(java.util.Map.of("GREETING", "hello"))
                .directory(folder).run();

        assertThat(result.stdout().text().strip()).isEqualTo("hello " + folder.toRealPath());
    }

    @Test
    void aMissingProgramCannotStart() {
        assertThatThrownBy(() -> ProcessRunner.command(List.of("/no/such/program")).run()).isInstanceOf(IOException.class);
    }

    @Test
    void settersCopyAndBadDeadlinesAreRefused() {
        ProcessRunner base = sh("true");
        assertThat(base.timeout(Duration.ofSeconds(1))).isNotSameAs(base);
        assertThatThrownBy(() -> base.timeout(Duration.ZERO)).hasMessageContaining("[PT0S]");
        assertThatThrownBy(() -> base.outputCap(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
