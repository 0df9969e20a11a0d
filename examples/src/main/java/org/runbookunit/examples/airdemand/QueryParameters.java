package org.runbookunit.examples.airdemand;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Read decoded query parameters, the first value winning when a name repeats. */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Parse a raw (still percent-encoded) query string, which may be {@code null}. */
    static QueryParameters parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                addPair(values, pair);
            }
        }
        return new QueryParameters(values);
    }

    /** Return the value of {@code name}, if the query has it. */
    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private static void addPair(Map<String, String> values, String pair) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        if (!name.isEmpty()) {
            values.putIfAbsent(decode(name), decode(value));
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
