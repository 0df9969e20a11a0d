package org.runbookunit.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hold one request and the response it got.
 *
 * @param request the request as sent
 * @param status the HTTP status code
 * @param statusLine the full status line, e.g. {@code HTTP/1.1 200 OK}
 * @param headers the response headers in order
 * @param body the whole response body
 * @param latency time from sending the request to having read the whole response
 * @param hops the path of every request sent, in order: more than one when redirects were followed
 */
record Exchange(Request request, int status, String statusLine, List<Map.Entry<String, String>> headers, byte[] body,
        Duration latency, List<String> hops) {

    /**
     * Describe a request.
     *
     * @param method {@code GET}, {@code POST}, …
     * @param endpoint the endpoint name from runbook.yaml, e.g. {@code api}
     * @param path the path as written in the step, e.g. {@code /health}
     * @param url the full URL
     * @param headers the request headers, {@code Authorization} already masked
     * @param body the request body, if any
     */
    record Request(String method, String endpoint, String path, URI url, List<Map.Entry<String, String>> headers,
            Optional<String> body) {

        /** Name the call the way messages do: {@code GET api /health}. */
        String name() {
            return method + " " + endpoint + " " + path;
        }
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
        return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }
}
