package org.runbookunit.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.runbookunit.evidence.Evidence;

/** Save a request and its response (or its failure) as one {@code .http} evidence file, bodies cut at 64 KiB. */
final class ExchangeEvidence {

    /** The most body bytes saved per request or response. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private ExchangeEvidence() {
    }

    static String save(Evidence evidence, Exchange exchange) {
        StringBuilder text = requestText(exchange.request());
        text.append('\n').append(exchange.statusLine()).append("  (").append(exchange.latency().toMillis()).append(" ms)\n");
        appendHeaders(text, maskSetCookie(exchange.headers()));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        appendBody(file, exchange.body());
        return relative(evidence, describe(exchange.request(), exchange.status()), file.toByteArray());
    }

    static String saveFailure(Evidence evidence, Exchange.Request request, Throwable cause, long elapsedMillis) {
        StringBuilder text = requestText(request);
        text.append("\nno response after ").append(elapsedMillis).append(" ms: ").append(FailureMessage.describe(cause)).append('\n');
        return relative(evidence, describe(request, -1), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static StringBuilder requestText(Exchange.Request request) {
        StringBuilder text = new StringBuilder(request.method()).append(' ').append(request.url()).append('\n');
        appendHeaders(text, request.headers());
        request.body().ifPresent(body -> text.append('\n').append(cut(body)).append('\n'));
        return text;
    }

    private static void appendHeaders(StringBuilder text, List<Map.Entry<String, String>> headers) {
        headers.forEach(header -> text.append(header.getKey()).append(": ").append(header.getValue()).append('\n'));
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
