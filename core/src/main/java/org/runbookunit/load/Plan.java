package org.runbookunit.load;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Describe one probe as it will be sent: durations already scaled, bounds already resolved.
 *
 * @param name the probe's name
 * @param uri the request URI, without user-info
 * @param headers request headers (basic auth from the endpoint's user-info included)
 * @param virtualUsers closed model: requests in flight at once; open model: the most in flight at once
 * @param ratePerSecond open model arrival rate; 0 for the closed model
 * @param rampUp time to reach the full users or rate, linearly
 * @param duration time at full users or rate after the ramp
 * @param maxTime hard bound on the whole probe, in-flight requests included
 * @param maxRequests hard bound on the requests sent
 * @param requestTimeout bound on each request
 */
record Plan(String name, URI uri, Map<String, String> headers, int virtualUsers, double ratePerSecond, Duration rampUp,
        Duration duration, Duration maxTime, long maxRequests, Duration requestTimeout) {

    boolean open() {
        return ratePerSecond > 0;
    }

    /** Return when the n-th arrival of the open model is due, in nanoseconds from the start: linear ramp, then steady. */
    long arrivalNanos(long index) {
        double ramp = rampUp.toNanos() / 1e9;
        double rampArrivals = ratePerSecond * ramp / 2;
        double seconds = index < rampArrivals ? Math.sqrt(2 * ramp * index / ratePerSecond)
                : ramp + (index - rampArrivals) / ratePerSecond;
        return Math.round(seconds * 1e9);
    }

    /** Return how many arrivals the open model intends over ramp and duration. */
    long intendedArrivals() {
        return (long) Math.floor(ratePerSecond * (rampUp.toNanos() / 2e9 + duration.toNanos() / 1e9));
    }
}
