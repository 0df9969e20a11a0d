package org.runbookunit.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.history.History;

/**
 * Send bounded load probes to the environment's endpoints and judge them with k6-style thresholds, or judge the summary
 * of a k6 run (for load beyond one runner). Every probe saves a per-second timeline (requests, p95, failures) as
 * evidence; a probe is refused in a read-only environment unless the step is {@code @Destructive} and allowed.
 *
 * <pre>{@code
 * @Step(order = 1, value = "Auth API: p95 < 500 ms, errors < 1 % at 50 VUs")
 * void authLoad(Load load) {
 *     load.probe("auth api", "api", "/auth/health").virtualUsers(50).duration(Duration.ofMinutes(5))
 *         .expect(Thresholds.none().p95Below(Duration.ofMillis(500)).errorRateBelow(0.01)).run();
 * }
 * }</pre>
 *
 * <p>In an environment with {@code windows-scale: 0.01} durations are a hundredth as long, so rehearsing a 5-minute
 * probe takes 3 s. Requests go out with Apache HttpClient 5 (blocking, pooled), one kept-alive connection per user.
 */
public final class Load {

    private final RunbookEnvironment environment;
    private final Evidence evidence;
    private final boolean mayWrite;
    private final Duration defaultTimeout;
    private final Baseline baseline;

    /**
     * Create the facade for one step, without a run ledger: {@link Thresholds#throughputAtLeastPreviousRun()} fails.
     *
     * @param environment where endpoints and {@code windows-scale} come from
     * @param evidence where timelines are saved
     * @param mayWrite whether the step may change the environment; probes are refused when it may not
     * @param defaultTimeout the bound on each request unless a probe sets its own
     */
    public Load(RunbookEnvironment environment, Evidence evidence, boolean mayWrite, Duration defaultTimeout) {
        this(environment, evidence, mayWrite, defaultTimeout, () -> {
            throw new LoadException("throughputAtLeastPreviousRun needs the run ledger, and this Load was made without "
                    + "one; declare Load as a step parameter so the engine gives it the runbook's History");
        });
    }

    /**
     * Create the facade for one step.
     *
     * @param environment where endpoints and {@code windows-scale} come from
     * @param evidence where timelines are saved
     * @param mayWrite whether the step may change the environment; probes are refused when it may not
     * @param defaultTimeout the bound on each request unless a probe sets its own
     * @param history the step's run history, opened only when a probe compares with the previous run
     */
    public Load(RunbookEnvironment environment, Evidence evidence, boolean mayWrite, Duration defaultTimeout,
            Supplier<History> history) {
        this.environment = environment;
        this.evidence = evidence;
        this.mayWrite = mayWrite;
        this.defaultTimeout = defaultTimeout;
        this.baseline = new Baseline(history);
    }

    /** Describe a probe of {@code GET <endpoint><path>}; configure it and call {@link LoadProbe#run()}. */
    public LoadProbe probe(String name, String endpointName, String path) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a load probe needs a name but was [" + name + "]");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("load probe [" + name + "] path must start with / but was [" + path + "]");
        }
        environment.endpoint(endpointName);
        return new LoadProbe(this, Settings.of(name, endpointName, path));
    }

    /**
     * Judge a k6 run by its {@code --summary-export} (or {@code handleSummary} JSON) file with the same thresholds as a
     * probe; the summary is saved as evidence. Allowed in read-only environments: it sends nothing.
     */
    public LoadResult judgeK6Summary(String name, Path summaryFile, Thresholds thresholds) {
        LoadResult result = K6Summary.read(name, summaryFile);
        String path = evidence.json("load " + name, LoadTimeline.document(result, thresholds, Map.of(), List.of()),
                "load " + name + ": " + result.summary()).path();
        return judged(result, thresholds, path);
    }

    LoadResult run(Settings settings) {
        URI endpoint = environment.endpoint(settings.endpoint());
        if (!mayWrite) {
            throw new LoadException("load probe [" + settings.name() + "] sends up to " + settings.maxRequests()
                    + " requests to endpoint [" + settings.endpoint() + "], and environment [" + environment.name()
                    + "] is read-only; rehearse it in a writable environment, or mark the step @Destructive and run with "
                    + "runbook.allow-destructive=true for a planned load test");
        }
        Plan plan = plan(settings, endpoint);
        LoadRunner.Measured measured = new LoadRunner(plan).run();
        Map<String, Object> describe = LoadTimeline.describe(plan, settings, environment.windowsScale());
        describe.put("reachedMaxRequests", measured.reachedMaxRequests());
        String path = LoadTimeline.save(evidence, measured.result(), settings.thresholds(), describe, measured.timeline());
        return judged(measured.result(), settings.thresholds(), path);
    }

    private LoadResult judged(LoadResult result, Thresholds thresholds, String evidencePath) {
        List<String> broken = new ArrayList<>(thresholds.broken(result));
        thresholds.previousRunFraction().flatMap(fraction -> baseline.broken(result, fraction)).ifPresent(broken::add);
        if (!broken.isEmpty()) {
            throw new LoadExpectationError(result, broken, evidencePath);
        }
        return result;
    }

    private Plan plan(Settings settings, URI endpoint) {
        double scale = environment.windowsScale();
        Duration duration = scaled(settings.duration(), scale);
        Duration rampUp = settings.rampUp().isZero() ? Duration.ZERO : scaled(settings.rampUp(), scale);
        Duration timeout = settings.timeout().orElse(defaultTimeout);
        Duration maxTime = settings.maxTime().map(bound -> scaled(bound, scale))
                .orElse(rampUp.plus(duration).plus(timeout));
        Map<String, String> headers = new LinkedHashMap<>(settings.headers());
        if (endpoint.getUserInfo() != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(endpoint.getUserInfo().getBytes(StandardCharsets.UTF_8)));
        }
        return new Plan(settings.name(), target(endpoint, settings.path()), headers, settings.resolvedUsers(),
                settings.rate(), rampUp, duration, maxTime, settings.maxRequests(), timeout);
    }

    private static URI target(URI endpoint, String path) {
        String base = endpoint.getPath() == null ? "" : endpoint.getPath().replaceAll("/+$", "");
        try {
            URI uri = new URI(endpoint.getScheme(), null, endpoint.getHost(), endpoint.getPort(), base, null, null);
            return URI.create(uri + path);
        } catch (URISyntaxException | IllegalArgumentException bad) {
            throw new LoadException("cannot build a request URI from the endpoint and path [" + path + "]: "
                    + bad.getMessage(), bad);
        }
    }

    private static Duration scaled(Duration duration, double scale) {
        return Duration.ofNanos(Math.max(1_000_000L, Math.round(duration.toNanos() * scale)));
    }
}
