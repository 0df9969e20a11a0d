package org.runbookunit.examples.airdemand;

import java.util.Objects;

/** Ping the role store and time it, treating an unhealthy service as a lost connection. */
final class DatabaseProbe {

    private final RoleStore store;
    private final ServiceState state;

    DatabaseProbe(RoleStore store, ServiceState state) {
        this.store = Objects.requireNonNull(store, "store");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Ping once and report whether the store answered and how long it took. */
    Result probe() {
        if (!state.healthy()) {
            return Result.failed("service marked unhealthy");
        }
        long started = System.nanoTime();
        try {
            store.ping();
        } catch (RuntimeException pingFailure) {
            return Result.failed(String.valueOf(pingFailure.getMessage()));
        }
        return Result.connected(Math.round((System.nanoTime() - started) / 1_000_000.0));
    }

    /**
     * Hold the outcome of one ping.
     *
     * @param connected whether the store answered
     * @param latencyMillis how long the ping took, 0 when it failed
     * @param failure why the ping failed, empty when it succeeded
     */
    record Result(boolean connected, long latencyMillis, String failure) {

        static Result connected(long latencyMillis) {
            return new Result(true, latencyMillis, "");
        }

        static Result failed(String failure) {
            return new Result(false, 0, failure);
        }
    }
}
