package org.runbookunit.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.runbookunit.evidence.Evidence;

/**
 * Save a request and its response (or its failure) as one {@code .http} evidence file: bodies cut at 64 KiB, each
 * header value at 8 KiB and all headers together at 64 KiB.
 */
final class ExchangeEvidence {

    /** The most body bytes saved per request or response. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** The most characters saved of one header value. */
    static final int MAX_HEADER_VALUE = 8 * 1024;

    /** The most characters saved of all headers of one request or response. */
    static final int MAX_HEADERS = 64 * 1024;

    private ExchangeEvidence() {
    }

    static String save(Evidence evidence, Exchange exchange) {
        StringBuilder text = requestText(exchange.request());
        exchange.hops().stream().skip(1).forEach(hop -> text.append("→ redirected to ").append(hop).append('\n'));
        text.append('\n').append(exchange.statusLine()).append("  (").append(exchange.latency().toMillis()).append(" ms)\n");
        appendHeaders(text, maskSetCookie(exchange.headers()));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        appendBody(file, exchange.body());
        return relative(evidence, describe(exchange.request(), exchange.status()), file.toByteArray());
    }

    static String saveFailure(Evidence evidence, Exchange.Request request, CallFailure failure, String explanation) {
        StringBuilder text = requestText(request);
        failure.hops().stream().skip(1).forEach(hop -> text.append("→ redirected to ").append(hop).append('\n'));
        failure.statusLine().ifPresent(line -> {
            text.append('\n').append(line).append('\n');
            appendHeaders(text, maskSetCookie(failure.headers()));
        });
        text.append("\nno ").append(failure.statusLine().isPresent() ? "complete " : "").append("response after ")
                .append(failure.elapsed().toMillis()).append(" ms: ").append(explanation).append("\ncause: ")
                .append(FailureMessage.describe(failure.cause())).append('\n');
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        if (failure.bodyStart().length > 0) {
            file.writeBytes("\nthe body's start:\n".getBytes(StandardCharsets.UTF_8));
            appendBody(file, failure.bodyStart());
        }
        return relative(evidence, describe(request, failure.status()), file.toByteArray());
    }

    private static StringBuilder requestText(Exchange.Request request) {
        StringBuilder text = new StringBuilder(request.method()).append(' ').append(request.url()).append('\n');
        appendHeaders(text, request.headers());
        request.body().ifPresent(body -> text.append('\n').append(cut(body)).append('\n'));
        return text;
    }

    private static void appendHeaders(StringBuilder text, List<Map.Entry<String, String>> headers) {
        int start = text.length();
        for (Map.Entry<String, String> header : headers) {
            if (text.length() - start > MAX_HEADERS) {
                text.append("… headers cut: ").append(headers.size()).append(" in all, the first ")
                        .append(MAX_HEADERS / 1024).append(" KiB saved\n");
                return;
            }
            String value = header.getValue();
            text.append(header.getKey()).append(": ").append(value.length() <= MAX_HEADER_VALUE ? value
                    : value.substring(0, MAX_HEADER_VALUE) + " … cut: " + value.length() + " characters in all").append('\n');
        }
    }

    private static void appendBody(ByteArrayOutputStream file, byte[] body) {
        file.write(body, 0, Math.min(body.length, MAX_BODY_BYTES));
        if (body.length > MAX_BODY_BYTES) {
            String note = "\n… body cut: " + body.length + " bytes in all, the first " + MAX_BODY_BYTES + " saved\n";
            file.writeBytes(note.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String cut(String body) {
        return body.length() <= MAX_BODY_BYTES ? body : body.substring(0, MAX_BODY_BYTES) + "\n… request body cut";
    }

    private static List<Map.Entry<String, String>> maskSetCookie(List<Map.Entry<String, String>> headers) {
        return headers.stream()
                .map(header -> Map.entry(header.getKey(), HeaderMask.maskHeader(header.getKey(), header.getValue())))
                .toList();
    }

    private static String describe(Exchange.Request request, int status) {
        return request.name() + (status < 0 ? " no response" : " " + status);
    }

    private static String relative(Evidence evidence, String description, byte[] content) {
        return evidence.save(description, "http", content).path();
    }
}
