package org.runbookunit.smoke.checks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.runbookunit.http.Http;
import org.runbookunit.http.HttpCall;
import org.runbookunit.smoke.spi.SmokeCheck;
import org.runbookunit.spi.StepContext;

/**
 * Call an endpoint through {@link Http} and check the answer.
 *
 * <pre>{@code
 * - http:
 *     endpoint: api
 *     path: /health
 *     status: 200
 *     json: [ { path: status, eq: healthy }, { path: roles, size: 5 } ]
 *     headers: { Content-Type: application/json }
 *     body-contains: healthy
 *     latency: { warn: 200ms, fail: 500ms }
 * }</pre>
 */
public final class HttpCheck implements SmokeCheck {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    @JsonProperty("endpoint")
    String endpoint;
    @JsonProperty("method")
    String method = "GET";
    @JsonProperty("path")
    String path;
    @JsonProperty("body")
    String body;
    @JsonProperty("request-headers")
    Map<String, String> requestHeaders;
    @JsonProperty("status")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    List<Integer> status;
    @JsonProperty("json")
    List<JsonExpectation> json;
    @JsonProperty("headers")
    Map<String, String> headers;
    @JsonProperty("body-contains")
    String bodyContains;
    @JsonProperty("latency")
    LatencyBudget latency;
    @JsonProperty("retries")
    Integer retries;
    @JsonProperty("timeout")
    String timeout;

    /** Read by Jackson. */
    public HttpCheck() {
    }

    /** Check that {@code GET endpoint path} answers with a status, e.g. a health path answering 200. */
    public static HttpCheck get(String endpoint, String path, int status) {
        HttpCheck check = new HttpCheck();
        check.endpoint = endpoint;
        check.path = path;
        check.status = List.of(status);
        return check;
    }

    @Override
    public void validate() {
        Checks.required(endpoint, "endpoint", "api");
        Checks.required(path, "path", "/health");
        if (!METHODS.contains(method())) {
            throw new IllegalArgumentException("method must be one of " + METHODS + " but was [" + method + "]");
        }
        if (body != null && !method().equals("POST") && !method().equals("PUT")) {
            throw new IllegalArgumentException("[body] is sent with POST or PUT only, but method is [" + method() + "]");
        }
        if (json != null) {
            for (int index = 0; index < json.size(); index++) {
                json.get(index).validateAt("json[" + index + "]");
            }
        }
        if (latency != null) {
            latency.validate();
        }
        if (retries != null && retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0 but was [" + retries + "]");
        }
        Optional.ofNullable(timeout).ifPresent(raw -> Checks.duration(raw, "timeout"));
    }

    @Override
    public String describe() {
        return "HTTP " + method() + " " + endpoint + " " + path + (status == null ? "" : " → " + status);
    }

    @Override
    public void run(StepContext context) {
        Http http = context.facade(Http.class);
        if (retries != null) {
            http = http.retry(retries);
        }
        if (timeout != null) {
            http = http.withTimeout(Checks.duration(timeout, "timeout"));
        }
        if (requestHeaders != null) {
            for (Map.Entry<String, String> header : requestHeaders.entrySet()) {
                http = http.withHeader(header.getKey(), header.getValue());
            }
        }
        expect(send(http));
    }

    private HttpCall send(Http http) {
        return switch (method()) {
            case "POST" -> body == null ? http.post(endpoint, path) : http.post(endpoint, path, body);
            case "PUT" -> http.put(endpoint, path, body == null ? "" : body);
            case "DELETE" -> http.delete(endpoint, path);
            default -> http.get(endpoint, path);
        };
    }

    private void expect(HttpCall call) {
        if (status != null && !status.isEmpty()) {
            call.expectStatus(status.stream().mapToInt(Integer::intValue).toArray());
        }
        if (json != null) {
            json.forEach(expectation -> call.expectJson(expectation.path, expectation.matcher()));
        }
        if (headers != null) {
            headers.forEach(call::expectHeader);
        }
        if (bodyContains != null) {
            call.expectBodyContains(bodyContains);
        }
        if (latency != null) {
            latency.expect(call);
        }
    }

    private String method() {
        return method == null ? "GET" : method.trim().toUpperCase(Locale.ROOT);
    }

    /** The latency budget of a call: above {@code warn} the step is WARNED, above {@code fail} it fails. */
    static final class LatencyBudget {
        @JsonProperty("warn")
        String warn;
        @JsonProperty("fail")
        String fail;

        void validate() {
            if (warn == null && fail == null) {
                throw new IllegalArgumentException("latency needs [warn], [fail] or both, e.g. { warn: 200ms, fail: 500ms }");
            }
            Optional<Duration> warnAt = Optional.ofNullable(warn).map(raw -> Checks.duration(raw, "latency.warn"));
            Optional<Duration> failAt = Optional.ofNullable(fail).map(raw -> Checks.duration(raw, "latency.fail"));
            if (warnAt.isPresent() && failAt.isPresent() && warnAt.get().compareTo(failAt.get()) >= 0) {
                throw new IllegalArgumentException("latency.warn must be below latency.fail but was [" + warn + "] >= ["
                        + fail + "]");
            }
        }

        void expect(HttpCall call) {
            Duration failAt = fail == null ? Duration.ofDays(1) : Checks.duration(fail, "latency.fail");
            if (warn == null) {
                call.expectFasterThan(failAt);
            } else {
                call.expectFasterThan(Checks.duration(warn, "latency.warn"), failAt);
            }
        }
    }
}
