package org.runbookunit.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runbookunit.config.Durations;

/**
 * Describe a bounded load probe against one endpoint path; each method returns a new probe, {@link #run()} sends it.
 * Closed model by default ({@link #virtualUsers(int)} users, each sending its next request when the last one ended);
 * {@link #arrivalRate(double)} switches to the open model (requests at a constant rate, however slow the server).
 *
 * <pre>{@code
 * load.probe("auth api", "api", "/auth/health").virtualUsers(50).duration(Duration.ofMinutes(5))
 *     .expect(Thresholds.none().p95Below(Duration.ofMillis(500)).errorRateBelow(0.01))
 *     .run();
 * }</pre>
 */
public final class LoadProbe {

    /** The default bound on requests sent by one probe; raise it with {@link #maxRequests(long)}. */
    public static final long DEFAULT_MAX_REQUESTS = 100_000;

    private final Load load;
    private final Settings settings;

    LoadProbe(Load load, Settings settings) {
        this.load = load;
        this.settings = settings;
    }

    /** Keep this many requests in flight (closed model), or at most this many (open model, k6's {@code maxVUs}). */
    public LoadProbe virtualUsers(int users) {
        if (users < 1 || users > 10_000) {
            throw new IllegalArgumentException("virtualUsers must be between 1 and 10000 but was [" + users + "]");
        }
        return with(settings.withUsers(users));
    }

    /** Send requests at this rate per second whatever the server does (open model, k6's {@code constant-arrival-rate}). */
    public LoadProbe arrivalRate(double requestsPerSecond) {
        if (!(requestsPerSecond > 0) || requestsPerSecond > 1_000_000) {
            throw new IllegalArgumentException("arrivalRate must be between 0 and 1000000 requests per second but was ["
                    + requestsPerSecond + "]");
        }
        return with(settings.withRate(requestsPerSecond));
    }

    /** Hold the full users or rate this long after the ramp (scaled by {@code windows-scale}); default 10 s. */
    public LoadProbe duration(Duration duration) {
        return with(settings.withDuration(positive("duration", duration)));
    }

    /** Reach the full users or rate linearly over this time (scaled by {@code windows-scale}); default none. */
    public LoadProbe rampUp(Duration rampUp) {
        if (rampUp == null || rampUp.isNegative()) {
            throw new IllegalArgumentException("rampUp must be zero or positive but was [" + rampUp + "]");
        }
        return with(settings.withRampUp(rampUp));
    }

    /** Stop sending after this many requests; default {@value #DEFAULT_MAX_REQUESTS}. */
    public LoadProbe maxRequests(long requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("maxRequests must be >= 1 but was [" + requests + "]");
        }
        return with(settings.withMaxRequests(requests));
    }

    /** End the probe, in-flight requests included, after this time (scaled); default ramp + duration + request timeout. */
    public LoadProbe maxTime(Duration maxTime) {
        return with(settings.withMaxTime(positive("maxTime", maxTime)));
    }

    /** Bound each request's connect and every read (not scaled); default the run's {@code runbook.http.timeout}. */
    public LoadProbe requestTimeout(Duration timeout) {
        return with(settings.withTimeout(positive("requestTimeout", timeout)));
    }

    /** Send a header with every request, e.g. a bearer token; its value never appears in evidence. */
    public LoadProbe header(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(settings.headers());
        headers.put(name, value);
        return with(settings.withHeaders(headers));
    }

    /** Judge the probe with these thresholds when it ends. */
    public LoadProbe expect(Thresholds thresholds) {
        return with(settings.withThresholds(thresholds));
    }

    /** Send the probe, save its timeline and fail with {@link LoadExpectationError} if it broke a threshold. */
    public LoadResult run() {
        return load.run(settings);
    }

    private LoadProbe with(Settings changed) {
        return new LoadProbe(load, changed);
    }

    private static Duration positive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration but was [" + duration + "]");
        }
        return duration;
    }

    @Override
    public String toString() {
        return "load probe [" + settings.name() + "] " + settings.endpoint() + settings.path() + ", "
                + (settings.rate() > 0 ? settings.rate() + "/s" : settings.resolvedUsers() + " VUs") + " for "
                + Durations.format(settings.duration());
    }
}
