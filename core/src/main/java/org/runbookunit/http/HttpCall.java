package org.runbookunit.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hamcrest.Matcher;
import org.hamcrest.StringDescription;
import org.runbookunit.evidence.Warnings;
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
 * the same {@link Http} starts, or at {@link #verify()}. A call made through {@link Http#retry(int)} sends the request
 * again when an expectation fails, and re-checks every expectation so far on the new response.
 */
public final class HttpCall {

    private static final int SNIPPET_CHARACTERS = 300;

    private final Supplier<Attempt> resend;
    private final int maxAttempts;
    private final PendingFailures pending;
    private final Warnings warnings;
    private final List<Expectation> expectations = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> failedAttempts = new ArrayList<>();
    private Attempt attempt;
    private int attempts = 1;

    HttpCall(Attempt first, Supplier<Attempt> resend, int maxAttempts, PendingFailures pending, Warnings warnings) {
        this.attempt = first;
        this.resend = resend;
        this.maxAttempts = maxAttempts;
        this.pending = pending;
        this.warnings = warnings;
    }

    /** Expect the status code to be one of the given codes. */
    public HttpCall expectStatus(int... expected) {
        return expect(response -> Arrays.stream(expected).anyMatch(code -> code == response.exchange().status())
                ? Optional.empty()
                : Optional.of("status: expected [" + codes(expected) + "] but was [" + response.exchange().status() + "]"));
    }

    /** Expect the JSON value at a REST Assured (GPath) path, e.g. {@code "status"} or {@code "roles.size()"}. */
    public HttpCall expectJson(String path, Object expected) {
        return expect(response -> response.json(path, actual -> Values.same(expected, actual) ? Optional.empty()
                : Optional.of("json [" + path + "]: expected " + Values.show(expected) + " but was " + Values.show(actual))));
    }

    /** Expect the JSON value at a path to match a Hamcrest matcher, e.g. {@code greaterThan(700)}. */
    public HttpCall expectJson(String path, Matcher<?> matcher) {
        return expect(response -> response.json(path, actual -> matcher.matches(actual) ? Optional.empty()
                : Optional.of("json [" + path + "]: expected " + StringDescription.toString(matcher) + " but was "
                        + Values.show(actual))));
    }

    /**
     * Expect the JSON value at a path, converted to a type, to satisfy an assertion (AssertJ or any code that throws).
     *
     * <pre>{@code
     * .expectJson("total", Integer.class, total -> assertThat(total).isGreaterThan(700))
     * }</pre>
     */
    public <T> HttpCall expectJson(String path, Class<T> type, Consumer<? super T> assertion) {
        return expect(response -> response.json(path, actual -> {
            try {
                assertion.accept(JsonValues.convert(actual, type));
                return Optional.empty();
            } catch (AssertionError | RuntimeException unmet) {
                return Optional.of("json [" + path + "]: " + Texts.snippet(String.valueOf(unmet.getMessage()), 400));
            }
        }));
    }

    /** Expect a response header to have exactly this value (header names ignore case). */
    public HttpCall expectHeader(String name, String expected) {
        return expect(response -> {
            String actual = response.exchange().header(name).orElse(null);
            return expected.equals(actual) ? Optional.empty() : Optional.of("header [" + name + "]: expected "
                    + Values.show(expected) + " but was " + (actual == null ? "absent" : Values.show(actual)));
        });
    }

    /** Expect a response header to match a Hamcrest matcher, e.g. {@code startsWith("application/json")}. */
    public HttpCall expectHeader(String name, Matcher<? super String> matcher) {
        return expect(response -> {
            String actual = response.exchange().header(name).orElse(null);
            return matcher.matches(actual) ? Optional.empty() : Optional.of("header [" + name + "]: expected "
                    + StringDescription.toString(matcher) + " but was " + (actual == null ? "absent" : Values.show(actual)));
        });
    }

    /** Expect the body to contain a text, like {@code curl … | grep "Paraform Roles"}. */
    public HttpCall expectBodyContains(String text) {
        return expect(response -> response.exchange().bodyText().contains(text) ? Optional.empty()
                : Optional.of("body: expected to contain " + Values.show(text) + " but did not"));
    }

    /** Expect the whole exchange (send, wait, read the body) to take less than a limit. */
    public HttpCall expectFasterThan(Duration limit) {
        return expect(response -> tooSlow(response, limit));
    }

    /**
     * Expect the exchange to take less than {@code failAbove}; above {@code warnAbove} the step is WARNED (degraded,
     * not failed).
     */
    public HttpCall expectFasterThan(Duration warnAbove, Duration failAbove) {
        expect(response -> tooSlow(response, failAbove));
        Duration latency = attempt.exchange().latency();
        if (failures.isEmpty() && latency.compareTo(warnAbove) >= 0 && latency.compareTo(failAbove) < 0) {
            warnings.add(name() + ": latency " + latency.toMillis() + " ms is above the warning threshold ["
                    + warnAbove.toMillis() + " ms] (fails at [" + failAbove.toMillis() + " ms])");
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
        return attempt.exchange().status();
    }

    /** Return the body as UTF-8 text. */
    public String body() {
        return attempt.exchange().bodyText();
    }

    /** Return a response header, or null when absent. */
    public String header(String name) {
        return attempt.exchange().header(name).orElse(null);
    }

    /** Return the JSON value at a path, e.g. {@code int total = call.json("total")}. */
    @SuppressWarnings("unchecked")
    public <T> T json(String path) {
        return (T) attempt.jsonValues().get(path);
    }

    /** Return how long the exchange took. */
    public Duration latency() {
        return attempt.exchange().latency();
    }

    /** Return the report-relative path of this call's (last attempt's) evidence file. */
    public String evidencePath() {
        return attempt.evidencePath();
    }

    HttpExpectationError failure() {
        return new HttpExpectationError(FailureMessage.of(attempt.exchange(), failures, attempt.evidencePath(),
                SNIPPET_CHARACTERS, attempts));
    }

    private HttpCall expect(Expectation expectation) {
        expectations.add(expectation);
        Optional<String> failure = expectation.check(attempt);
        while (failure.isPresent() && failures.isEmpty() && attempts < maxAttempts) {
            failedAttempts.add("attempt " + attempts + ": " + failure.get() + " (" + attempt.evidencePath() + ")");
            attempt = resend.get();
            attempts++;
            failure = firstFailure();
            if (failure.isEmpty()) {
                warnings.add(name() + " passed only on attempt " + attempts + " of " + maxAttempts + "; "
                        + String.join("; ", failedAttempts));
            }
        }
        failure.ifPresent(this::fail);
        return this;
    }

    private Optional<String> firstFailure() {
        return expectations.stream().map(expectation -> expectation.check(attempt)).flatMap(Optional::stream).findFirst();
    }

    private void fail(String failure) {
        failures.add(failure);
        pending.add(this);
    }

    private String name() {
        return attempt.exchange().request().name();
    }

    private static Optional<String> tooSlow(Attempt response, Duration limit) {
        Duration latency = response.exchange().latency();
        return latency.compareTo(limit) < 0 ? Optional.empty()
                : Optional.of("latency: expected under [" + limit.toMillis() + " ms] but was [" + latency.toMillis() + " ms]");
    }

    private static String codes(int[] expected) {
        return expected.length == 1 ? Integer.toString(expected[0])
                : Arrays.toString(expected).replaceAll("[\\[\\]]", "");
    }

    /** One expectation, re-checkable against a new attempt. */
    @FunctionalInterface
    interface Expectation {
        Optional<String> check(Attempt attempt);
    }
}
