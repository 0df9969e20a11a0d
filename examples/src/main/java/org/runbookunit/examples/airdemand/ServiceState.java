package org.runbookunit.examples.airdemand;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** Hold the settings of one service instance and the switches a test flips to make it misbehave. */
final class ServiceState {

    private volatile boolean healthy = true;
    private volatile boolean ready = true;
    private volatile boolean dashboardUp = true;
    private volatile Duration responseDelay = Duration.ZERO;
    private final AtomicReference<ServiceConfig> config = new AtomicReference<>(ServiceConfig.STAGING);
    private final RestartWindow restart = new RestartWindow(System::nanoTime);
    private final java.time.Instant startedAt = java.time.Instant.now();
    private volatile String commit = "";

    java.time.Instant startedAt() {
        return startedAt;
    }

    /** Return the commit of the deployed release, empty when unknown. */
    String commit() {
        return commit;
    }

    void setCommit(String commit) {
        this.commit = Objects.requireNonNull(commit, "commit");
    }

    boolean healthy() {
        return healthy;
    }

    void setHealthy(boolean healthy) {
        this.healthy = healthy;
    }

    boolean ready() {
        return ready;
    }

    void setReady(boolean ready) {
        this.ready = ready;
    }

    boolean dashboardUp() {
        return dashboardUp;
    }

    void setDashboardUp(boolean dashboardUp) {
        this.dashboardUp = dashboardUp;
    }

    Duration responseDelay() {
        return responseDelay;
    }

    void setResponseDelay(Duration responseDelay) {
        Objects.requireNonNull(responseDelay, "responseDelay");
        if (responseDelay.isNegative()) {
            throw new IllegalArgumentException("responseDelay must be >= 0 but was [" + responseDelay + "]");
        }
        this.responseDelay = responseDelay;
    }

    ServiceConfig config() {
        return config.get();
    }

    /** Apply {@code change} atomically and return the resulting configuration. */
    ServiceConfig updateConfig(UnaryOperator<ServiceConfig> change) {
        return config.updateAndGet(change);
    }

    boolean restarting() {
        return restart.active();
    }

    void beginRestart() {
        restart.begin();
    }

    void setRestartDuration(Duration duration) {
        restart.setDuration(duration);
    }
}
