package org.runbookunit.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;

/**
 * Time how long the air-demand stack (PostgreSQL with 747 roles + the sample service) takes to be ready: in containers
 * (Testcontainers, the service image built from the examples' Dockerfile) and without Docker (the machine's PostgreSQL
 * binaries + the service in-process). "Cold" is the first start in this JVM, "warm" the median of the next starts.
 * Run it with {@code bench/rehearsal-startup.sh}; {@code bench.runs} sets the warm runs. Goal: ≤ 5 s cold, ≤ 3 s warm.
 */
public final class RehearsalStartupBenchmark {

    private RehearsalStartupBenchmark() {
    }

    /** Run the benchmark and print cold and warm times per way of starting the stack. */
    public static void main(String[] args) {
        int runs = Integer.getInteger("bench.runs", 3);
        measure("Testcontainers", AirDemandStack::inContainers, runs);
        measure("embedded (no Docker)", AirDemandStack::withoutDocker, runs);
        System.exit(0);
    }

    private static void measure(String name, Supplier<List<RehearsalService>> services, int runs) {
        long cold = startAndStop(services);
        List<Long> warm = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            warm.add(startAndStop(services));
        }
        Collections.sort(warm);
        long median = warm.get(warm.size() / 2);
        System.out.printf(Locale.ROOT, "%-22s cold %5d ms (goal <= 5000: %s), warm median %5d ms over %d runs "
                + "(goal <= 3000: %s)%n", name, cold, cold <= 5000 ? "met" : "NOT met", median, runs,
                median <= 3000 ? "met" : "NOT met");
    }

    private static long startAndStop(Supplier<List<RehearsalService>> services) {
        RehearsalStack stack = new RehearsalStack() {
            @Override
            protected List<RehearsalService> services() {
                return services.get();
            }
        };
        long start = System.nanoTime();
        stack.start();
        long millis = (System.nanoTime() - start) / 1_000_000;
        stack.close();
        return millis;
    }
}
