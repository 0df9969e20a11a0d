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

    static Exchange send(Exchange.Request request, RequestOptions options) {
        ExchangeTimer timer = new ExchangeTimer();
        RequestSpecification spec = RestAssured.given().config(config(options.timeout(), timer)).urlEncodingEnabled(false);
        options.headers().forEach(spec::header);
        options.authorization().ifPresent(value -> spec.header("Authorization", value));
        if (options.relaxedTls()) {
            spec.relaxedHTTPSValidation();
        }
        request.body().ifPresent(body -> spec.contentType("application/json").body(body));
        long start = System.nanoTime();
        Response response = spec.request(Method.valueOf(request.method()), request.url().toString());
        byte[] body = response.asByteArray();
        Duration latency = timer.elapsed(Duration.ofNanos(System.nanoTime() - start));
        return new Exchange(request, response.statusCode(), response.statusLine(), headers(response), body, latency);
    }

    private static RestAssuredConfig config(Duration timeout, ExchangeTimer timer) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .httpClientFactory(timer::newClient)
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
