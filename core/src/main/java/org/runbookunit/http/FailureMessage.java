package org.runbookunit.http;

import java.util.List;
import org.runbookunit.internal.Texts;

/** Write the message of a call whose expectations failed: what was called, each failure, a body snippet, the evidence. */
final class FailureMessage {

    private FailureMessage() {
    }

    static String of(Exchange exchange, List<String> failures, String evidencePath, int snippetCharacters, int attempts) {
        StringBuilder message = new StringBuilder(headline(exchange, failures, attempts));
        if (failures.size() > 1) {
            failures.forEach(failure -> message.append("\n  - ").append(failure));
        }
        message.append("\n  url: ").append(exchange.request().url());
        message.append("\n  body (").append(exchange.body().length).append(" bytes): ")
                .append(Texts.snippet(exchange.bodyText(), snippetCharacters));
        message.append("\n  evidence: ").append(evidencePath);
        return message.toString();
    }

    private static String headline(Exchange exchange, List<String> failures, int attempts) {
        String call = exchange.request().name() + " → " + exchange.status() + " in " + exchange.latency().toMillis() + " ms"
                + (attempts > 1 ? " (attempt " + attempts + " of " + attempts + ")" : "");
        if (failures.size() == 1) {
            return call + ": " + failures.get(0);
        }
        return call + ": " + failures.size() + " expectations failed";
    }

    /** Write the message of a call that got no usable response: what was called, why it failed, what fixes it. */
    static String noResponse(Exchange.Request request, CallFailure failure, String explanation, String evidencePath) {
        String call = failure.status() < 0 || failure.status() / 100 == 3 ? request.name() + ": no response after "
                : request.name() + " → " + failure.status() + ": no complete response after ";
        return call + failure.elapsed().toMillis() + " ms: " + explanation + "\n  url: " + request.url()
                + "\n  evidence: " + evidencePath;
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        String kind = cause.getClass().getSimpleName();
        return message == null ? kind : kind + ": " + Texts.firstLine(message);
    }
}
