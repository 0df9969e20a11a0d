package org.runbookunit.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.runbookunit.http.Http;
import org.runbookunit.http.HttpCall;
import org.runbookunit.internal.Texts;

/**
 * GET a JSON API through {@link Http} (so timeouts, basic auth from the endpoint's user-info, relaxed TLS and the
 * exchange as evidence apply) and turn a bad answer into the caller's own expectation error. Not API.
 */
public final class JsonApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private final String endpoint;
    private final String product;
    private final BiFunction<String, Throwable, AssertionError> error;

    /**
     * Create the client of one endpoint.
     *
     * @param product what the endpoint is, for messages, e.g. {@code Prometheus}
     * @param error makes the caller's expectation error from a message and an optional cause
     */
    public JsonApi(Http http, String endpoint, String product, BiFunction<String, Throwable, AssertionError> error) {
        this.http = http;
        this.endpoint = endpoint;
        this.product = product;
        this.error = error;
    }

    /** Return the endpoint name. */
    public String endpoint() {
        return endpoint;
    }

    /** GET a path (already URL-encoded) and return its JSON body; fail unless it answers 200 with JSON. */
    public JsonNode get(String path) {
        HttpCall call;
        try {
            call = http.get(endpoint, path).expectStatus(200).verify();
        } catch (AssertionError failed) {
            throw error.apply(product + " [" + endpoint + "] did not answer " + path + ": " + failed.getMessage(), failed);
        }
        try {
            return JSON.readTree(call.body());
        } catch (JsonProcessingException notJson) {
            throw error.apply(product + " [" + endpoint + "] answered " + path + " with something that is not JSON: "
                    + Texts.snippet(call.body(), 200) + " (evidence: " + call.evidencePath() + ")", notJson);
        }
    }

    /** Encode a query parameter value, e.g. a PromQL expression. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
