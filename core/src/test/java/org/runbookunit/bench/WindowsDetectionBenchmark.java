package org.runbookunit.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;
import org.runbookunit.testing.ScriptedHealthServer;
import org.runbookunit.windows.Poll;
import org.runbookunit.windows.Windows;

/**
 * Measure how long {@code Windows.eventually} takes to notice a flip: a loopback {@code /health} answers 503 until a
 * moment, then 200; the delay is the time from that moment to {@code eventually} returning. Run it with
 * {@code bench/windows-detection.sh}; {@code bench.runs} sets the runs per poll interval. Goal: within poll + 50 ms.
 */
public final class WindowsDetectionBenchmark {

    private static final Duration FLIP_AFTER = Duration.ofMillis(300);
    private static final List<Duration> POLLS = List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250));

    private WindowsDetectionBenchmark() {
    }

    /** Run the benchmark and print the median and worst detection delay per poll interval. */
    public static void main(String[] args) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int runs = Integer.getInteger("bench.runs", 15);
        Path dir = Path.of(System.getProperty("bench.dir", "core/target/bench"), "windows");
        measure(Duration.ofMillis(50), 5, dir);
        for (Duration poll : POLLS) {
            List<Long> delays = measure(poll, runs, dir);
            Collections.sort(delays);
            long median = delays.get(delays.size() / 2);
            long worst = delays.get(delays.size() - 1);
            long goal = poll.toMillis() + 50;
            System.out.printf(Locale.ROOT, "poll %4d ms: detection delay median %4d ms, worst %4d ms over %d runs "
                    + "(goal <= %d ms): %s%n", poll.toMillis(), median, worst, runs, goal,
                    worst <= goal ? "met" : "NOT met");
        }
    }

    private static List<Long> measure(Duration poll, int runs, Path dir) {
        List<Long> delays = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try (ScriptedHealthServer server = ScriptedHealthServer.flippingAfter(FLIP_AFTER)) {
                long flipAt = System.nanoTime() + FLIP_AFTER.toNanos();
                Evidence evidence = new Evidence(dir, "run-" + run);
                Http http = new Http(new RunbookEnvironment("bench", Map.of("api", server.uri())), Duration.ofSeconds(5),
                        evidence);
                new Windows(evidence, 1, http::verify).eventually("flip", Duration.ofSeconds(10), Poll.every(poll),
                        () -> http.get("api", "/health").expectStatus(200));
                delays.add(Duration.ofNanos(System.nanoTime() - flipAt).toMillis());
            }
        }
        return delays;
    }
}
