package org.runbookunit.examples.airdemand;

import java.time.Duration;
import java.util.Objects;

/** Hold the switches a test flips to make one service instance misbehave. */
final class ServiceState {

    private volatile boolean healthy = true;
    private volatile boolean ready = true;
    private volatile Duration responseDelay = Duration.ZERO;

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
}
