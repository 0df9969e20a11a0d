package org.runbookunit.http;

import java.io.IOException;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.http.HttpConnection;
import org.apache.http.HttpEntity;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.protocol.ExecutionContext;
import org.apache.http.protocol.HttpContext;

/**
 * Watch one call inside the Apache HttpClient REST Assured drives: its deadline, each request sent (redirect hops
 * included), the response head, and its body read up to the cap. The time measured runs from the first request sent
 * to the whole body read, so REST Assured's own start-up (about half a second on the first request of a JVM) stays
 * out of the figure and {@code expectFasterThan} measures the service, not the test tool.
 */
final class CallRecorder implements AutoCloseable {

    private final CallDeadline deadline;
    private final long maxBody;
    private final List<String> hops = new CopyOnWriteArrayList<>();
    private volatile long requestNanos;
    private volatile long responseNanos;
    private volatile String statusLine;
    private volatile List<Map.Entry<String, String>> headers = List.of();
    private volatile long bodyBytes;

    CallRecorder(Duration timeout, long maxBody) {
        this.deadline = new CallDeadline(timeout);
        this.maxBody = maxBody;
    }

    /** Create the client REST Assured will use for this one call. */
    HttpClient newClient() {
        return new BoundedClient(deadline, this::requestSent, this::responseArrived);
    }

    /** Return the measured time, or the time since the client began when no response came. */
    Duration latency() {
        return responseNanos == 0 || requestNanos == 0 ? deadline.elapsed() : Duration.ofNanos(responseNanos - requestNanos);
    }

    CallDeadline deadline() {
        return deadline;
    }

    long maxBody() {
        return maxBody;
    }

    /** Return the path (and query) of every request sent, in order: more than one when redirects were followed. */
    List<String> hops() {
        return List.copyOf(hops);
    }

    /** Return the status line of the last response head received, or null when none arrived. */
    String statusLine() {
        return statusLine;
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** Return how many body bytes of the last response arrived so far. */
    long bodyBytes() {
        return bodyBytes;
    }

    @Override
    public void close() {
        deadline.close();
    }

    private void requestSent(HttpRequest request) {
        if (requestNanos == 0) {
            requestNanos = System.nanoTime();
        }
        hops.add(request.getRequestLine().getUri());
        statusLine = null;
        bodyBytes = 0;
    }

    private void responseArrived(HttpResponse response, HttpContext context) throws IOException {
        statusLine = response.getStatusLine().toString();
        headers = Arrays.stream(response.getAllHeaders())
                .map(header -> (Map.Entry<String, String>) new SimpleImmutableEntry<>(header.getName(), header.getValue()))
                .toList();
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            byte[] body = CappedBody.read(entity, maxBody, () -> drop(context), read -> bodyBytes = read);
            ByteArrayEntity buffered = new ByteArrayEntity(body);
            buffered.setContentType(entity.getContentType());
            if (!(entity instanceof HttpEntityWrapper)) { // a decoder's wrapper: the bytes read are decoded already
                buffered.setContentEncoding(entity.getContentEncoding());
            }
            response.setEntity(buffered);
        }
        responseNanos = System.nanoTime();
    }

    private static void drop(HttpContext context) throws IOException {
        if (context.getAttribute(ExecutionContext.HTTP_CONNECTION) instanceof HttpConnection connection) {
            connection.shutdown();
        }
    }
}
