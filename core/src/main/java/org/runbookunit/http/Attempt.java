package org.runbookunit.http;

import java.util.Optional;
import java.util.function.Function;
import org.runbookunit.internal.Texts;

/** Hold one sent request's exchange, its evidence file and its parsed JSON body. */
final class Attempt {

    private final Exchange exchange;
    private final String evidencePath;
    private JsonValues json;

    Attempt(Exchange exchange, String evidencePath) {
        this.exchange = exchange;
        this.evidencePath = evidencePath;
    }

    Exchange exchange() {
        return exchange;
    }

    String evidencePath() {
        return evidencePath;
    }

    /** Check the JSON value at a path, or report that the body is not JSON. */
    Optional<String> json(String path, Function<Object, Optional<String>> check) {
        Object value;
        try {
            value = jsonValues().get(path);
        } catch (RuntimeException notJson) {
            return Optional.of("json [" + path + "]: the body is not valid JSON (" + Texts.firstLine(rootMessage(notJson))
                    + ")");
        }
        return check.apply(value);
    }

    JsonValues jsonValues() {
        if (json == null) {
            json = JsonValues.parse(exchange.bodyText());
        }
        return json;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
