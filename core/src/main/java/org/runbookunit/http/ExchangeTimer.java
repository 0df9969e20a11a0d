package org.runbookunit.http;

import java.io.IOException;
import java.time.Duration;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.entity.BufferedHttpEntity;
import org.apache.http.impl.client.DefaultHttpClient;

/**
 * Time the network part of one exchange: from the moment the request is handed to the connection to the moment the
 * whole response body has been read. REST Assured's own start-up and parsing (about half a second on the first request
 * of a JVM) stay out of the figure, so {@code expectFasterThan} measures the service, not the test tool.
 */
final class ExchangeTimer {

    private volatile long requestNanos;
    private volatile long responseNanos;

    /** Create the Apache HttpClient REST Assured will use for one request, instrumented with this timer. */
    @SuppressWarnings("deprecation") // REST Assured 6 still drives the HttpClient 4 DefaultHttpClient API
    HttpClient newClient() {
        DefaultHttpClient client = new DefaultHttpClient();
        client.addRequestInterceptor((request, context) -> requestNanos = System.nanoTime());
        client.addResponseInterceptor((response, context) -> readBody(response));
        return client;
    }

    /** Return the measured time, or the fallback when the client never reached the network. */
    Duration elapsed(Duration fallback) {
        return responseNanos == 0 || requestNanos == 0 ? fallback : Duration.ofNanos(responseNanos - requestNanos);
    }

    private void readBody(HttpResponse response) throws IOException {
        if (response.getEntity() != null) {
            response.setEntity(new BufferedHttpEntity(response.getEntity()));
        }
        responseNanos = System.nanoTime();
    }
}
