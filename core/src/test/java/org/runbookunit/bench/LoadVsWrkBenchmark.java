package org.runbookunit.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.load.Load;
import org.runbookunit.load.LoadResult;

/**
 * Compare a closed-model {@code Load} probe with {@code wrk} on the same loopback URL, in alternating rounds inside one
 * run (so a busy machine slows both alike), and print each round and the medians side by side.
 *
 * <p>Run it with {@code bench/load-vs-wrk.sh}. System properties: {@code bench.url} (required), {@code bench.lua} (the
 * wrk script that prints p95, required), {@code bench.connections} ("50 1"), {@code bench.seconds} (5 per round),
 * {@code bench.rounds} (3), {@code bench.warmup.seconds} (10, a discarded Load probe so the JIT has compiled the client).
 */
public final class LoadVsWrkBenchmark {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=([0-9.]+)");

    private final URI url = URI.create(System.getProperty("bench.url"));
    private final String lua = System.getProperty("bench.lua");
    private final int seconds = Integer.getInteger("bench.seconds", 5);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final Load load = new Load(new RunbookEnvironment("bench",
            Map.of("target", URI.create(url.getScheme() + "://" + url.getAuthority()))),
            new Evidence(Path.of(System.getProperty("bench.dir", "target/bench")), "load"), true, Duration.ofSeconds(10));

    private LoadVsWrkBenchmark() {
    }

    /** Run the rounds for every concurrency and print the medians. */
    public static void main(String[] args) throws Exception {
        LoadVsWrkBenchmark bench = new LoadVsWrkBenchmark();
        bench.probe(50, Integer.getInteger("bench.warmup.seconds", 10));
        System.out.printf(Locale.ROOT, "%-14s %10s %10s %10s %10s%n", "", "req/s", "p50 ms", "p95 ms", "p99 ms");
        for (String connections : System.getProperty("bench.connections", "50 1").trim().split("\\s+")) {
            bench.compare(Integer.parseInt(connections));
        }
    }

    private void compare(int connections) throws IOException, InterruptedException {
        List<Map<String, Double>> wrk = new ArrayList<>();
        List<Map<String, Double>> ours = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            wrk.add(print("wrk  r" + round + " c" + connections, wrk(connections)));
            ours.add(print("Load r" + round + " c" + connections, fields(probe(connections, seconds))));
        }
        Map<String, Double> wrkMedian = print("wrk  median", median(wrk));
        Map<String, Double> loadMedian = print("Load median", median(ours));
        double share = loadMedian.get("rps") / wrkMedian.get("rps");
        double p95 = loadMedian.get("p95_ms") / wrkMedian.get("p95_ms") - 1;
        System.out.printf(Locale.ROOT, "%d connections: Load/wrk throughput %.1f %% (goal >= 50 %%: %s); Load p95 %+.1f %% "
                + "vs wrk (goal at most +10 %%: %s)%n%n", connections, share * 100, share >= 0.5 ? "met" : "MISSED",
                p95 * 100, p95 <= 0.10 ? "met" : "MISSED");
    }

    private LoadResult probe(int users, int probeSeconds) {
        return load.probe("bench", "target", url.getPath()).virtualUsers(users).duration(Duration.ofSeconds(probeSeconds))
                .maxRequests(50_000_000).run();
    }

    private Map<String, Double> wrk(int connections) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t" + Math.min(2, connections), "-c" + connections, "-d" + seconds + "s",
                "-s", lua, url.toString()).redirectErrorStream(true).start();
        // wrk writes a few hundred bytes: the pipe cannot fill, so reading after the bounded wait cannot hang it
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk did not finish within " + (seconds + 30) + " s");
        }
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String line = output.lines().filter(text -> text.startsWith("wrk ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no summary line:\n" + output));
        Map<String, Double> values = new java.util.TreeMap<>();
        Matcher field = FIELD.matcher(line);
        while (field.find()) {
            values.put(field.group(1), Double.parseDouble(field.group(2)));
        }
        return values;
    }

    private static Map<String, Double> fields(LoadResult result) {
        return Map.of("rps", result.throughput(), "p50_ms", millis(result.p50().orElseThrow()),
                "p95_ms", millis(result.p95().orElseThrow()), "p99_ms", millis(result.p99().orElseThrow()));
    }

    private static Map<String, Double> median(List<Map<String, Double>> rounds) {
        Map<String, Double> median = new java.util.TreeMap<>();
        for (String key : List.of("rps", "p50_ms", "p95_ms", "p99_ms")) {
            List<Double> values = rounds.stream().map(round -> round.get(key)).sorted(Comparator.naturalOrder()).toList();
            median.put(key, values.get(values.size() / 2));
        }
        return median;
    }

    private static Map<String, Double> print(String label, Map<String, Double> values) {
        System.out.printf(Locale.ROOT, "%-14s %10.0f %10.3f %10.3f %10.3f%n", label, values.get("rps"),
                values.get("p50_ms"), values.get("p95_ms"), values.get("p99_ms"));
        return values;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
