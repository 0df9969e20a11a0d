package org.runbookunit.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Check {@code /health} with one shared {@link HttpClient}, the baseline the facade is measured against. */
final class RawHealthChecks implements HealthChecks {

    private final HttpClient client;
    private final URI health;
    private final Duration timeout;

    RawHealthChecks(URI baseUri, Duration timeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.health = baseUri.resolve("/health");
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "raw HttpClient";
    }

    @Override
    public void run(int checks) throws IOException, InterruptedException {
        for (int i = 0; i < checks; i++) {
            HttpRequest request = HttpRequest.newBuilder(health).timeout(timeout).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("healthy")) {
                throw new IllegalStateException("unhealthy answer: " + response.statusCode() + " " + response.body());
            }
        }
    }
}
