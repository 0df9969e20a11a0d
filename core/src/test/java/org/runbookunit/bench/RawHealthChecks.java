package org.runbookunit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Check {@code /health} with one shared {@link HttpClient}, the baseline the facade is measured against: on one
 * kept-alive connection, or on a new connection per check ({@code Connection: close}), as the facade and REST Assured
 * open one.
 */
final class RawHealthChecks implements HealthChecks {

    /** The JDK client refuses to send a Connection header unless this property names it before the client loads. */
    static final String ALLOW_CONNECTION_HEADER = "jdk.httpclient.allowRestrictedHeaders";

    private final HttpClient client;
    private final URI health;
    private final Duration timeout;
    private final boolean newConnectionEachCheck;

    RawHealthChecks(URI baseUri, Duration timeout, boolean newConnectionEachCheck) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.health = baseUri.resolve("/health");
        this.timeout = timeout;
        this.newConnectionEachCheck = newConnectionEachCheck;
    }

    @Override
    public String name() {
        return newConnectionEachCheck ? "raw HttpClient, a connection per check" : "raw HttpClient";
    }

    @Override
    public void run(int checks) throws IOException, InterruptedException {
        for (int i = 0; i < checks; i++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(health).timeout(timeout).GET();
            if (newConnectionEachCheck) {
                builder.header("Connection", "close");
            }
            HttpRequest request = builder.build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("healthy")) {
                throw new IllegalStateException("unhealthy answer: " + response.statusCode() + " " + response.body());
            }
        }
    }
}
