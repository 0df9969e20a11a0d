package org.runbookunit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

/**
 * Call an environment's endpoints by name and check the answers: a small fluent facade over REST Assured.
 *
 * <pre>{@code
 * @Step(order = 1, value = "API /health returns healthy")
 * void health(Http http) {
 *     http.get("api", "/health").expectStatus(200).expectJson("status", "healthy")
 *         .expectFasterThan(Duration.ofMillis(500));
 * }
 * }</pre>
 *
 * <p>Every call has a connect and a read timeout ({@code runbook.http.timeout}, default 10 s), and every request and
 * response is saved as evidence. Instances are immutable: {@code withBasicAuth}, {@code withTimeout} and the other
 * {@code with…} methods return a new {@code Http} that shares the step's evidence and pending failures.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunbookEnvironment environment;
    private final RequestOptions options;
    private final Evidence evidence;
    private final PendingFailures pending;

    /**
     * Create the facade for one step.
     *
     * @param environment where endpoint names point
     * @param timeout the connect timeout and the read timeout of each call
     * @param evidence where requests and responses are saved
     */
    public Http(RunbookEnvironment environment, Duration timeout, Evidence evidence) {
        this(environment, RequestOptions.defaults(timeout), evidence, new PendingFailures());
    }

    private Http(RunbookEnvironment environment, RequestOptions options, Evidence evidence, PendingFailures pending) {
        this.environment = environment;
        this.options = options;
        this.evidence = evidence;
        this.pending = pending;
    }

    /** Send HTTP basic authentication with every call. */
    public Http withBasicAuth(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return with(options.withAuthorization("Basic " + token));
    }

    /** Send {@code Authorization: Bearer <token>} with every call. */
    public Http withBearerToken(String token) {
        return with(options.withAuthorization("Bearer " + token));
    }

    /** Trust any certificate and host name: for staging endpoints with self-signed certificates. */
    public Http withRelaxedTls() {
        return with(options.trustingAnyCertificate());
    }

    /** Use another connect and read timeout. */
    public Http withTimeout(Duration timeout) {
        return with(options.withTimeout(timeout));
    }

    /** Send an extra header with every call. */
    public Http withHeader(String name, String value) {
        return with(options.withHeader(name, value));
    }

    /** Send {@code GET}, e.g. {@code get("api", "/demand/roles?limit=5")}. */
    public HttpCall get(String endpoint, String path) {
        return send("GET", endpoint, path, Optional.empty());
    }

    /** Send {@code POST} without a body. */
    public HttpCall post(String endpoint, String path) {
        return send("POST", endpoint, path, Optional.empty());
    }

    /** Send {@code POST} with a JSON body: a String is sent as written, anything else is serialised by Jackson. */
    public HttpCall post(String endpoint, String path, Object jsonBody) {
        return send("POST", endpoint, path, Optional.of(json(jsonBody)));
    }

    /** Send {@code PUT} with a JSON body: a String is sent as written, anything else is serialised by Jackson. */
    public HttpCall put(String endpoint, String path, Object jsonBody) {
        return send("PUT", endpoint, path, Optional.of(json(jsonBody)));
    }

    /** Send {@code DELETE}. */
    public HttpCall delete(String endpoint, String path) {
        return send("DELETE", endpoint, path, Optional.empty());
    }

    /** Throw every failed expectation not reported yet, from this {@code Http} and those derived from it. */
    public void verify() {
        pending.throwIfAny();
    }

    private HttpCall send(String method, String endpoint, String path, Optional<String> body) {
        pending.throwIfAny();
        Exchange.Request request = new Exchange.Request(method, endpoint, path, url(endpoint, path),
                RestAssuredSender.maskedHeaders(options), body);
        long start = System.nanoTime();
        try {
            Exchange exchange = RestAssuredSender.send(request, options);
            return new HttpCall(exchange, ExchangeEvidence.save(evidence, exchange), pending);
        } catch (Exception transportFailure) { // REST Assured rethrows checked IOExceptions undeclared
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            String evidencePath = ExchangeEvidence.saveFailure(evidence, request, transportFailure, elapsed);
            throw new HttpExpectationError(FailureMessage.noResponse(request, transportFailure, elapsed, evidencePath),
                    transportFailure);
        }
    }

    private URI url(String endpoint, String path) {
        String base = environment.endpoint(endpoint).toString().replaceAll("/+$", "");
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }

    private Http with(RequestOptions newOptions) {
        return new Http(environment, newOptions, evidence, pending);
    }

    private static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException notSerializable) {
            throw new IllegalArgumentException("cannot write the request body as JSON: " + notSerializable.getOriginalMessage(),
                    notSerializable);
        }
    }
}
