package org.runbookunit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.evidence.Warnings;
import org.runbookunit.internal.Texts;

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
 * <p>Every call has one deadline for the whole call — connecting, headers and body — ({@code runbook.http.timeout},
 * default 10 s) and reads at most {@code runbook.http.max-body} (default 16MB) of a body; nothing is retried unless
 * the step asks with {@link #retry(int)}, and every request and response is saved as evidence. Instances are immutable: {@code withBasicAuth}, {@code withTimeout} and the other
 * {@code with…} methods return a new {@code Http} that shares the step's evidence and pending failures.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunbookEnvironment environment;
    private final RequestOptions options;
    private final Evidence evidence;
    private final PendingFailures pending;
    private final Warnings warnings;
    private final int attempts;

    /**
     * Create the facade for one step.
     *
     * @param environment where endpoint names point
     * @param timeout the deadline of each whole call
     * @param evidence where requests and responses are saved
     */
    public Http(RunbookEnvironment environment, Duration timeout, Evidence evidence) {
        this(environment, timeout, evidence, new Warnings());
    }

    /**
     * Create the facade for one step, reporting degraded results (retried calls, slow answers) to the step's warnings.
     *
     * @param warnings where a call that passed only after a retry, or above its latency warning, is recorded
     */
    public Http(RunbookEnvironment environment, Duration timeout, Evidence evidence, Warnings warnings) {
        this(environment, RequestOptions.defaults(timeout), evidence, new PendingFailures(), warnings, 1);
    }

    private Http(RunbookEnvironment environment, RequestOptions options, Evidence evidence, PendingFailures pending,
            Warnings warnings, int attempts) {
        this.environment = environment;
        this.options = options;
        this.evidence = evidence;
        this.pending = pending;
        this.warnings = warnings;
        this.attempts = attempts;
    }

    /**
     * Send each call up to {@code retries} more times while an expectation fails. A call that passes only after a retry
     * makes the step WARNED — a flake is not an outage, but it is not clean either — and every attempt is in the evidence.
     */
    public Http retry(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("Http.retry(n) needs n >= 0 but was [" + retries + "]");
        }
        return new Http(environment, options, evidence, pending, warnings, retries + 1);
    }

    /** Send HTTP basic authentication with every call. */
    public Http withBasicAuth(String user, String password) {
        return with(options.withAuthorization(basic(user, password)));
    }

    /** Send {@code Authorization: Bearer <token>} with every call. */
    public Http withBearerToken(String token) {
        return with(options.withAuthorization("Bearer " + token));
    }

    /** Trust any certificate and host name: for staging endpoints with self-signed certificates. */
    public Http withRelaxedTls() {
        return with(options.trustingAnyCertificate());
    }

    /**
     * Read response bodies up to another size, e.g. {@code withMaxBody(64 << 20)} for 64 MB; default
     * {@code runbook.http.max-body} (16MB). A bigger body fails the call and is not kept in memory.
     */
    public Http withMaxBody(long bytes) {
        return with(options.withMaxBody(bytes));
    }

    /** Use another deadline for each whole call (connecting, headers and body). */
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
        List<String> unanswered = new ArrayList<>();
        while (true) {
            try {
                Attempt first = attempt(method, endpoint, path, body);
                if (!unanswered.isEmpty()) {
                    warnings.add(method + " " + endpoint + " " + path + " answered only on attempt " + (unanswered.size() + 1)
                            + " of " + attempts + "; " + String.join("; ", unanswered));
                }
                return new HttpCall(first, () -> attempt(method, endpoint, path, body), attempts - unanswered.size(),
                        pending, warnings);
            } catch (HttpExpectationError noResponse) {
                if (unanswered.size() + 1 >= attempts) {
                    throw noResponse;
                }
                unanswered.add("attempt " + (unanswered.size() + 1) + ": " + Texts.firstLine(noResponse.getMessage()));
            }
        }
    }

    private Attempt attempt(String method, String endpoint, String path, Optional<String> body) {
        URI base = environment.endpoint(endpoint);
        RequestOptions sent = userInfoAuthorization(base).filter(auth -> options.authorization().isEmpty())
                .map(options::withAuthorization).orElse(options);
        Exchange.Request request = new Exchange.Request(method, endpoint, path, url(base, path),
                RestAssuredSender.maskedHeaders(sent), body);
        try {
            Exchange exchange = RestAssuredSender.send(request, sent);
            return new Attempt(exchange, ExchangeEvidence.save(evidence, exchange));
        } catch (CallFailure.Thrown thrown) {
            CallFailure failure = thrown.failure();
            String explanation = TransportFailures.explain(failure, environment.name(), headerBytes(sent));
            String evidencePath = ExchangeEvidence.saveFailure(evidence, request, failure, explanation);
            throw new HttpExpectationError(FailureMessage.noResponse(request, failure, explanation, evidencePath),
                    failure.cause());
        }
    }

    private static int headerBytes(RequestOptions sent) {
        int bytes = sent.authorization().map(value -> value.length() + 17).orElse(0);
        for (var header : sent.headers().entrySet()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /** Build the URL without the endpoint's user-info: credentials travel in the Authorization header instead. */
    private static URI url(URI base, String path) {
        String withoutUserInfo = base.getRawUserInfo() == null ? base.toString()
                : base.toString().replace(base.getRawUserInfo() + "@", "");
        return URI.create(withoutUserInfo.replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path));
    }

    /** Turn {@code https://user:p%40ss@host} into basic authentication, decoding the percent-encoded parts. */
    private Optional<String> userInfoAuthorization(URI base) {
        String userInfo = base.getUserInfo();
        if (userInfo == null) {
            return Optional.empty();
        }
        int colon = userInfo.indexOf(':');
        return Optional.of(colon < 0 ? basic(userInfo, "") : basic(userInfo.substring(0, colon), userInfo.substring(colon + 1)));
    }

    private String basic(String user, String password) {
        environment.secrets().addCredentials(user, password);
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Http with(RequestOptions newOptions) {
        return new Http(environment, newOptions, evidence, pending, warnings, attempts);
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
