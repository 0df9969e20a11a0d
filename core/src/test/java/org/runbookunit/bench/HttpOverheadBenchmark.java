package org.runbookunit.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.runbookunit.testing.LoopbackServer;

/**
 * Compare {@code Http} checks with the same requests sent by a raw {@code HttpClient} against a loopback endpoint.
 *
 * <p>Run it with {@code bench/http-overhead.sh}. Both clients are warmed up first; then each round times a batch of
 * checks per client, alternating which client goes first. The goal is median(Http) / median(raw) &lt;= 1.3.
 * The loopback server gets {@code sun.net.httpserver.nodelay=true} unless the property is set.
 * System properties {@code bench.checks}, {@code bench.rounds}, {@code bench.warmup} and {@code bench.dir} override
 * the defaults.
 */
public final class HttpOverheadBenchmark {

    private static final double GOAL = 1.3;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final String HEALTHY = "{\"status\":\"healthy\"}";

    private final int checks = Integer.getInteger("bench.checks", 200);
    private final int rounds = Integer.getInteger("bench.rounds", 5);
    private final int warmup = Integer.getInteger("bench.warmup", 300);
    private final Path reportDir = Path.of(System.getProperty("bench.dir", "core/target/bench"));
    private final Map<HealthChecks, List<double[]>> times = new LinkedHashMap<>();
    private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private HttpOverheadBenchmark() {
    }

    /** Run the benchmark and print per-round times, the medians and the ratio. */
    public static void main(String[] args) throws Exception {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per
        // keep-alive request, which would time the loopback server instead of the clients.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        System.setProperty(RawHealthChecks.ALLOW_CONNECTION_HEADER, "connection");
        new HttpOverheadBenchmark().run();
    }

    private void run() throws Exception {
        try (LoopbackServer server = LoopbackServer.start().json("/health", 200, HEALTHY)) {
            HealthChecks facade = new FacadeHealthChecks(server.uri(), TIMEOUT, reportDir);
            HealthChecks bare = new BareRestAssuredHealthChecks(server.uri());
            HealthChecks raw = new RawHealthChecks(server.uri(), TIMEOUT, false);
            HealthChecks rawFresh = new RawHealthChecks(server.uri(), TIMEOUT, true);
            List<HealthChecks> clients = List.of(facade, bare, raw, rawFresh);
            System.out.printf("%d checks per round against %s/health, %d rounds after %d warm-up checks per client"
                    + " (%s=%s)%n", checks, server.uri(), rounds, warmup, NO_DELAY, System.getProperty(NO_DELAY));
            long firstStart = System.nanoTime();
            facade.run(1);
            System.out.printf(Locale.ROOT, "first Http check of the JVM: %.1f ms (REST Assured start-up included)%n",
                    (System.nanoTime() - firstStart) / 1e6);
            for (HealthChecks client : clients) {
                client.run(warmup);
                times.put(client, new ArrayList<>());
            }
            for (int round = 1; round <= rounds; round++) {
                measureRound(round, clients);
            }
            report(facade, bare, raw, rawFresh);
        }
    }

    /** Time one batch per client, starting with a different client each round. */
    private void measureRound(int round, List<HealthChecks> clients) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            HealthChecks client = clients.get((round - 1 + i) % clients.size());
            double[] wallAndCpu = timeMillis(client);
            times.get(client).add(wallAndCpu);
            lines.add(String.format(Locale.ROOT, "%s %.1f ms (CPU %.1f ms)", client.name(), wallAndCpu[0],
                    wallAndCpu[1]));
        }
        System.out.printf("round %d: %s%n", round, String.join(", ", lines));
    }

    /** Return the wall time and the process's CPU time (all threads: client, loopback server, JIT, GC) of one batch. */
    private double[] timeMillis(HealthChecks client) throws Exception {
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        client.run(checks);
        return new double[] {(System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpuStart) / 1e6};
    }

    private void report(HealthChecks facade, HealthChecks bare, HealthChecks raw, HealthChecks rawFresh) {
        for (HealthChecks client : times.keySet()) {
            System.out.printf(Locale.ROOT, "median %s: %.3f ms per check, CPU %.3f ms per check%n", client.name(),
                    median(client, 0) / checks, median(client, 1) / checks);
        }
        double ratio = median(facade, 0) / median(raw, 0);
        System.out.printf(Locale.ROOT, "ratio %s / %s: %.2fx (goal <= %.1fx): %s%n", facade.name(), raw.name(), ratio,
                GOAL, ratio <= GOAL ? "goal met" : "goal NOT met");
        // CPU time is what a busy machine does not inflate: the load average shifts wall times between rounds
        System.out.printf(Locale.ROOT, "CPU ratio %s / %s: %.2fx; %s / %s: %.2fx (REST Assured's own floor)%n",
                facade.name(), raw.name(), median(facade, 1) / median(raw, 1), bare.name(), raw.name(),
                median(bare, 1) / median(raw, 1));
        System.out.printf(Locale.ROOT, "%s over %s: %.2fx wall, %.2fx CPU%n", facade.name(), bare.name(),
                median(facade, 0) / median(bare, 0), median(facade, 1) / median(bare, 1));
        // Http opens a connection per check by design (each check stands alone, its latency includes the connect)
        System.out.printf(Locale.ROOT, "like for like, %s / %s: %.2fx wall, %.2fx CPU; %s / %s: %.2fx wall%n",
                facade.name(), rawFresh.name(), median(facade, 0) / median(rawFresh, 0),
                median(facade, 1) / median(rawFresh, 1), bare.name(), rawFresh.name(),
                median(bare, 0) / median(rawFresh, 0));
    }

    private double median(HealthChecks client, int column) {
        return median(times.get(client).stream().map(pair -> pair[column]).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
