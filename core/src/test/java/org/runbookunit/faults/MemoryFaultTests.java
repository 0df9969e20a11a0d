package org.runbookunit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.RawServer;
import org.runbookunit.testing.SeededSecret;

/**
 * Bodies that would fill the memory, run in a child JVM with a 256 MB heap whose peak resident memory is measured:
 * the step fails at the cap, the next step runs, the report is written, the JVM stays small.
 */
class MemoryFaultTests {

    /** The most a child JVM with -Xmx256m may reach when bodies stop at the 16MB cap. */
    private static final long PEAK_RSS_LIMIT_MB = 300;

    @Test
    void anEndlessChunkedBodyFailsItsStepAndTheJvmStaysSmall() throws IOException, InterruptedException {
        try (RawServer endless = RawServer.endlessBody()) {
            ChildJvm child = ChildJvm.run(endless.uri().toString());

            assertClearFailureInBoundedMemory(child, "endless chunked body");
        }
    }

    @Test
    void a200MegabyteBodyFailsItsStepAndTheJvmStaysSmall() throws IOException, InterruptedException {
        try (RawServer big = RawServer.bodyOf(200L << 20)) {
            ChildJvm child = ChildJvm.run(big.uri().toString());

            assertClearFailureInBoundedMemory(child, "200 MB body");
        }
    }

    @Test
    void theFirstRequestOfAJvmToARefusedPortReportsTheCallNotTheClientStartUp() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ChildJvm child = ChildJvm.run("http://127.0.0.1:" + port);

        Matcher elapsed = Pattern.compile("step 2 WARNED: GET api /body\\?token=\\*\\*\\* : no response after (\\d+) ms: "
                .replace(" : ", ": ") + "connection refused").matcher(child.output);
        assertThat(elapsed.find()).as(child.output).isTrue();
        System.out.println("first request of a JVM to a refused port: reported after " + elapsed.group(1) + " ms");
        assertThat(Long.parseLong(elapsed.group(1))).isLessThan(1000);
        SeededSecret.assertAbsent("the child's output", child.output);
    }

    /** Return the peak RSS of the same three steps against a 1 KB body, to compare with. */
    private static long baselinePeakRssMegabytes() throws IOException, InterruptedException {
        try (RawServer small = RawServer.bodyOf(1024)) {
            ChildJvm child = ChildJvm.run(small.uri().toString());
            assertThat(child.output).contains("step 2 PASSED");
            return child.peakRssMegabytes();
        }
    }

    private static void assertClearFailureInBoundedMemory(ChildJvm child, String what)
            throws IOException, InterruptedException {
        assertThat(child.output).contains("step 1 PASSED", "step 3 PASSED",
                "step 2 WARNED: GET api /body?token=*** → 200: no complete response after ",
                "over runbook.http.max-body [16MB]; reading stopped there");
        SeededSecret.assertAbsent("the child's output", child.output);
        Matcher reports = Pattern.compile("reports: (.+)").matcher(child.output);
        assertThat(reports.find()).isTrue();
        assertThat(SeededSecret.assertAbsentUnder(Path.of(reports.group(1).trim()))).isGreaterThan(4);
        System.out.println(what + ": peak RSS " + child.peakRssMegabytes() + " MB, child ran " + child.elapsedMillis + " ms");
        assertThat(child.peakRssMegabytes()).as("peak RSS in MB for a " + what).isLessThan(PEAK_RSS_LIMIT_MB);
        long baseline = baselinePeakRssMegabytes();
        System.out.println("the same steps against a 1 KB body: peak RSS " + baseline + " MB");
        assertThat(child.peakRssMegabytes() - baseline).as("peak RSS above a 1 KB body, in MB").isLessThan(100);
    }
}
