package org.runbookunit.load;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Hold what a {@link LoadProbe} was told, as written (unscaled). */
record Settings(String name, String endpoint, String path, int users, double rate, Duration duration, Duration rampUp,
        long maxRequests, Optional<Duration> maxTime, Optional<Duration> timeout, Map<String, String> headers,
        Thresholds thresholds) {

    Settings {
        headers = Map.copyOf(headers);
    }

    static Settings of(String name, String endpoint, String path) {
        return new Settings(name, endpoint, path, 0, 0, Duration.ofSeconds(10), Duration.ZERO,
                LoadProbe.DEFAULT_MAX_REQUESTS, Optional.empty(), Optional.empty(), Map.of(), Thresholds.none());
    }

    /** Return the users as resolved: as set, else 1 for the closed model and 100 (the most in flight) for the open one. */
    int resolvedUsers() {
        return users > 0 ? users : rate > 0 ? 100 : 1;
    }

    Settings withUsers(int value) {
        return new Settings(name, endpoint, path, value, rate, duration, rampUp, maxRequests, maxTime, timeout, headers,
                thresholds);
    }

    Settings withRate(double value) {
        return new Settings(name, endpoint, path, users, value, duration, rampUp, maxRequests, maxTime, timeout, headers,
                thresholds);
    }

    Settings withDuration(Duration value) {
        return new Settings(name, endpoint, path, users, rate, value, rampUp, maxRequests, maxTime, timeout, headers,
                thresholds);
    }

    Settings withRampUp(Duration value) {
        return new Settings(name, endpoint, path, users, rate, duration, value, maxRequests, maxTime, timeout, headers,
                thresholds);
    }

    Settings withMaxRequests(long value) {
        return new Settings(name, endpoint, path, users, rate, duration, rampUp, value, maxTime, timeout, headers,
                thresholds);
    }

    Settings withMaxTime(Duration value) {
        return new Settings(name, endpoint, path, users, rate, duration, rampUp, maxRequests, Optional.of(value), timeout,
                headers, thresholds);
    }

    Settings withTimeout(Duration value) {
        return new Settings(name, endpoint, path, users, rate, duration, rampUp, maxRequests, maxTime, Optional.of(value),
                headers, thresholds);
    }

    Settings withHeaders(Map<String, String> value) {
        return new Settings(name, endpoint, path, users, rate, duration, rampUp, maxRequests, maxTime, timeout, value,
                thresholds);
    }

    Settings withThresholds(Thresholds value) {
        return new Settings(name, endpoint, path, users, rate, duration, rampUp, maxRequests, maxTime, timeout, headers,
                value);
    }
}
