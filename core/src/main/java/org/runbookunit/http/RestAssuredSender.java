package org.runbookunit.http;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;

/** Send one request with REST Assured, honouring the options' timeouts, auth and TLS setting. */
final class RestAssuredSender {

    private RestAssuredSender() {
    }

    /** The longest response header line read: a longer one fails the call instead of filling the memory. */
    static final int MAX_HEADER_LINE = 64 * 1024;

    /** The most response header lines read. */
    static final int MAX_HEADER_COUNT = 256;

    /**
     * REST Assured's defaults, built once: its configs are immutable values, and building the default one (twenty-odd
     * sub-configs) for every call cost about a tenth of a warm call ({@code bench/http-overhead.sh} profile).
     */
    private static final RestAssuredConfig BASE = RestAssuredConfig.config();
    private static final HttpClientConfig BASE_CLIENT = HttpClientConfig.httpClientConfig()
            .setParam("http.connection.max-line-length", MAX_HEADER_LINE)
            .setParam("http.connection.max-header-count", MAX_HEADER_COUNT);

    /**
     * Send the request within the options' deadline and body cap.
     *
     * @throws CallFailure.Thrown when no usable response arrived, with what the call got so far
     */
    static Exchange send(Exchange.Request request, RequestOptions options) {
        try (CallRecorder call = new CallRecorder(options.timeout(), options.maxBodyBytes())) {
            RequestSpecification spec = RestAssured.given().config(config(options.timeout(), call)).urlEncodingEnabled(false);
            options.headers().forEach(spec::header);
            options.authorization().ifPresent(value -> spec.header("Authorization", value));
            if (options.relaxedTls()) {
                spec.relaxedHTTPSValidation();
            }
            request.body().ifPresent(body -> spec.contentType("application/json").body(body));
            Response response;
            try {
                response = spec.request(Method.valueOf(request.method()), request.url().toString());
            } catch (Exception transportFailure) { // REST Assured rethrows checked IOExceptions undeclared
                throw new CallFailure.Thrown(CallFailure.of(transportFailure, call));
            }
            byte[] body = response.asByteArray();
            return new Exchange(request, response.statusCode(), response.statusLine(), headers(response), body,
                    call.latency(), call.hops());
        }
    }

    private static RestAssuredConfig config(Duration timeout, CallRecorder call) {
        // the deadline aborts the call as a whole; the per-read socket timeout is only a backstop behind it
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return BASE.httpClient(BASE_CLIENT.httpClientFactory(call::newClient)
                .setParam("http.connection.timeout", millis)
                .setParam("http.socket.timeout", millis)
                .setParam("http.conn-manager.timeout", (long) millis));
    }

    private static List<Map.Entry<String, String>> headers(Response response) {
        return response.headers().asList().stream()
                .map(header -> (Map.Entry<String, String>) new SimpleImmutableEntry<>(header.getName(), header.getValue()))
                .toList();
    }

    static List<Map.Entry<String, String>> maskedHeaders(RequestOptions options) {
        List<Header> sent = new java.util.ArrayList<>();
        options.headers().forEach((name, value) -> sent.add(new Header(name, value)));
        options.authorization().ifPresent(value -> sent.add(new Header("Authorization", value)));
        return sent.stream()
                .map(header -> (Map.Entry<String, String>) new SimpleImmutableEntry<>(header.getName(),
                        HeaderMask.maskHeader(header.getName(), header.getValue())))
                .toList();
    }
}
