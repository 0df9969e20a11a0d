package org.runbookunit.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hamcrest.Matcher;
import org.hamcrest.StringDescription;
import org.runbookunit.internal.Texts;

/**
 * Check one HTTP response with chained expectations; every failed expectation is reported together.
 *
 * <pre>{@code
 * http.get("api", "/health").expectStatus(200).expectJson("status", "healthy")
 *     .expectFasterThan(Duration.ofMillis(500));
 * }</pre>
 *
 * <p>Failures are collected, not thrown one by one: they surface together when the step ends, when the next call of
 * the same {@link Http} starts, or at {@link #verify()}.
 */
public final class HttpCall {

    private static final int SNIPPET_CHARACTERS = 300;

    private final Exchange exchange;
    private final String evidencePath;
    private final PendingFailures pending;
    private final List<String> failures = new ArrayList<>();
    private JsonValues json;

    HttpCall(Exchange exchange, String evidencePath, PendingFailures pending) {
        this.exchange = exchange;
        this.evidencePath = evidencePath;
        this.pending = pending;
    }

    /** Expect the status code to be one of the given codes. */
    public HttpCall expectStatus(int... expected) {
        if (Arrays.stream(expected).noneMatch(code -> code == exchange.status())) {
            String wanted = expected.length == 1 ? Integer.toString(expected[0]) : Arrays.toString(expected);
            fail("status: expected [" + wanted.replaceAll("[\\[\\]]", "") + "] but was [" + exchange.status() + "]");
        }
        return this;
    }

    /** Expect the JSON value at a REST Assured (GPath) path, e.g. {@code "status"} or {@code "roles.size()"}. */
    public HttpCall expectJson(String path, Object expected) {
        readJson(path).ifPresent(actual -> {
            if (!Values.same(expected, actual.value())) {
                fail("json [" + path + "]: expected " + Values.show(expected) + " but was " + Values.show(actual.value()));
            }
        });
        return this;
    }

    /** Expect the JSON value at a path to match a Hamcrest matcher, e.g. {@code greaterThan(700)}. */
    public HttpCall expectJson(String path, Matcher<?> matcher) {
        readJson(path).ifPresent(actual -> {
            if (!matcher.matches(actual.value())) {
                fail("json [" + path + "]: expected " + StringDescription.toString(matcher) + " but was "
                        + Values.show(actual.value()));
            }
        });
        return this;
    }

    /**
     * Expect the JSON value at a path, converted to a type, to satisfy an assertion (AssertJ or any code that throws).
     *
     * <pre>{@code
     * .expectJson("total", Integer.class, total -> assertThat(total).isGreaterThan(700))
     * }</pre>
     */
    public <T> HttpCall expectJson(String path, Class<T> type, Consumer<? super T> assertion) {
        readJson(path).ifPresent(actual -> {
            try {
                assertion.accept(JsonValues.convert(actual.value(), type));
            } catch (AssertionError | RuntimeException unmet) {
                fail("json [" + path + "]: " + Texts.snippet(String.valueOf(unmet.getMessage()), 400));
            }
        });
        return this;
    }

    /** Expect a response header to have exactly this value (header names ignore case). */
    public HttpCall expectHeader(String name, String expected) {
        String actual = exchange.header(name).orElse(null);
        if (!expected.equals(actual)) {
            fail("header [" + name + "]: expected " + Values.show(expected) + " but was "
                    + (actual == null ? "absent" : Values.show(actual)));
        }
        return this;
    }

    /** Expect a response header to match a Hamcrest matcher, e.g. {@code startsWith("application/json")}. */
    public HttpCall expectHeader(String name, Matcher<? super String> matcher) {
        String actual = exchange.header(name).orElse(null);
        if (!matcher.matches(actual)) {
            fail("header [" + name + "]: expected " + StringDescription.toString(matcher) + " but was "
                    + (actual == null ? "absent" : Values.show(actual)));
        }
        return this;
    }

    /** Expect the body to contain a text, like {@code curl … | grep "Paraform Roles"}. */
    public HttpCall expectBodyContains(String text) {
        if (!exchange.bodyText().contains(text)) {
            fail("body: expected to contain " + Values.show(text) + " but did not");
        }
        return this;
    }

    /** Expect the whole exchange (send, wait, read the body) to take less than a limit. */
    public HttpCall expectFasterThan(Duration limit) {
        if (exchange.latency().compareTo(limit) >= 0) {
            fail("latency: expected under [" + limit.toMillis() + " ms] but was [" + exchange.latency().toMillis() + " ms]");
        }
        return this;
    }

    /** Throw the failed expectations of this call now, if any. */
    public HttpCall verify() {
        if (!failures.isEmpty()) {
            pending.remove(this);
            throw failure();
        }
        return this;
    }

    /** Return the status code. */
    public int status() {
        return exchange.status();
    }

    /** Return the body as UTF-8 text. */
    public String body() {
        return exchange.bodyText();
    }

    /** Return a response header, or null when absent. */
    public String header(String name) {
        return exchange.header(name).orElse(null);
    }

    /** Return the JSON value at a path, e.g. {@code int total = call.json("total")}. */
    @SuppressWarnings("unchecked")
    public <T> T json(String path) {
        return (T) jsonValues().get(path);
    }

    /** Return how long the exchange took. */
    public Duration latency() {
        return exchange.latency();
    }

    /** Return the report-relative path of this call's evidence file. */
    public String evidencePath() {
        return evidencePath;
    }

    HttpExpectationError failure() {
        return new HttpExpectationError(FailureMessage.of(exchange, failures, evidencePath, SNIPPET_CHARACTERS));
    }

    private void fail(String failure) {
        failures.add(failure);
        pending.add(this);
    }

    private Optional<JsonValue> readJson(String path) {
        try {
            return Optional.of(new JsonValue(jsonValues().get(path)));
        } catch (RuntimeException notJson) {
            fail("json [" + path + "]: the body is not valid JSON (" + Texts.firstLine(rootMessage(notJson)) + ")");
            return Optional.empty();
        }
    }

    private JsonValues jsonValues() {
        if (json == null) {
            json = JsonValues.parse(exchange.bodyText());
        }
        return json;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private record JsonValue(Object value) {
    }
}
