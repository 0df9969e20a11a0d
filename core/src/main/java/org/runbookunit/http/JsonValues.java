package org.runbookunit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read values out of a JSON body. Plain paths ({@code status}, {@code checks.database}, {@code detail[0].loc[1]}) are
 * read with Jackson; anything else ({@code roles.size()}, {@code roles.id}, {@code find {…}}) goes to REST Assured's
 * GPath {@link JsonPath}, which compiles a Groovy script per lookup and costs milliseconds each time.
 */
final class JsonValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_$][\\w$-]*)?((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final String body;
    private final JsonNode tree;
    private JsonPath gpath;

    private JsonValues(String body, JsonNode tree) {
        this.body = body;
        this.tree = tree;
    }

    /** Parse a body, failing with Jackson's description of what is wrong with it. */
    static JsonValues parse(String body) {
        if (body.isBlank()) {
            throw new IllegalArgumentException("the body is empty");
        }
        try {
            return new JsonValues(body, MAPPER.readTree(body));
        } catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException(invalid.getOriginalMessage() + " at line "
                    + invalid.getLocation().getLineNr() + ", column " + invalid.getLocation().getColumnNr(), invalid);
        }
    }

    /** Return the value at a path as plain Java (Map, List, String, Number, Boolean or null). */
    Object get(String path) {
        Optional<Found> found = plain(path);
        return found.isPresent() ? found.get().value() : gpath().get(path);
    }

    static <T> T convert(Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof Number number) {
            return MAPPER.convertValue(new BigDecimal(number.toString()), type);
        }
        return MAPPER.convertValue(value, type);
    }

    private Optional<Found> plain(String path) {
        JsonNode node = tree;
        for (String segment : path.split("\\.", -1)) {
            Matcher matcher = SEGMENT.matcher(segment);
            if (segment.isEmpty() || !matcher.matches()) {
                return Optional.empty();
            }
            if (matcher.group(1) != null) {
                if (node.isArray() || node.isValueNode()) {
                    return Optional.empty();
                }
                node = node.path(matcher.group(1));
            }
            Matcher index = INDEX.matcher(matcher.group(2));
            while (index.find()) {
                if (node.isObject() || node.isValueNode()) {
                    return Optional.empty();
                }
                node = node.path(Integer.parseInt(index.group(1)));
            }
        }
        return Optional.of(new Found(node.isMissingNode() || node.isNull() ? null : MAPPER.convertValue(node, Object.class)));
    }

    private JsonPath gpath() {
        if (gpath == null) {
            gpath = new JsonPath(body);
        }
        return gpath;
    }

    private record Found(Object value) {
    }
}
