package org.runbookunit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read values out of a JSON body. Paths without closures are read with Jackson: keys ({@code checks.database}),
 * indices ({@code detail[0].loc[1]}, {@code roles[-1]} for the last), a key over a list ({@code roles.id}: every role's
 * id, as GPath does) and a final {@code size()}. Anything else ({@code find {…}}, {@code collect {…}}, {@code max()})
 * goes to REST Assured's GPath {@link JsonPath}, which compiles a Groovy script per lookup: hundreds of milliseconds
 * the first time in a JVM, milliseconds after that.
 */
final class JsonValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SIZE = "size()";
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_$][\\w$-]*)?((?:\\[-?\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(-?\\d+)]");

    private final String body;
    private final Object root;
    private JsonPath gpath;

    private JsonValues(String body, Object root) {
        this.body = body;
        this.root = root;
    }

    /** Parse a body, failing with Jackson's description of what is wrong with it. */
    static JsonValues parse(String body) {
        if (body.isBlank()) {
            throw new IllegalArgumentException("the body is empty");
        }
        try {
            return new JsonValues(body, MAPPER.readValue(body, Object.class));
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

    /** Tell whether a path is read with Jackson, without Groovy. */
    boolean readsWithoutGroovy(String path) {
        return plain(path).isPresent();
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
        boolean size = path.equals(SIZE) || path.endsWith("." + SIZE);
        String keys = size ? path.substring(0, Math.max(0, path.length() - SIZE.length() - 1)) : path;
        Optional<Found> found = keys.isEmpty() && size ? Optional.of(new Found(root)) : walk(keys);
        return size ? found.flatMap(JsonValues::size) : found;
    }

    private Optional<Found> walk(String path) {
        Object value = root;
        for (String segment : path.split("\\.", -1)) {
            Matcher matcher = SEGMENT.matcher(segment);
            if (segment.isEmpty() || !matcher.matches()) {
                return Optional.empty();
            }
            if (matcher.group(1) != null) {
                Optional<Found> child = key(value, matcher.group(1));
                if (child.isEmpty()) {
                    return child;
                }
                value = child.get().value();
            }
            Matcher index = INDEX.matcher(matcher.group(2));
            while (index.find()) {
                if (value != null && !(value instanceof List<?>)) {
                    return Optional.empty();
                }
                int at = Integer.parseInt(index.group(1));
                if (value != null && at < -((List<?>) value).size()) {
                    return Optional.empty(); // GPath fails here: let it say so
                }
                value = value == null ? null : element((List<?>) value, at);
            }
        }
        return Optional.of(new Found(value));
    }

    /** Read a key of an object, or of every element of a list as GPath does; empty when GPath would decide otherwise. */
    private static Optional<Found> key(Object value, String key) {
        if (value == null || value instanceof Map<?, ?>) {
            return Optional.of(new Found(value == null ? null : ((Map<?, ?>) value).get(key)));
        }
        if (!(value instanceof List<?> list)) {
            return Optional.empty();
        }
        List<Object> each = new ArrayList<>(list.size());
        for (Object element : list) {
            Optional<Found> child = key(element, key);
            if (child.isEmpty()) {
                return child;
            }
            each.add(child.get().value());
        }
        return Optional.of(new Found(each));
    }

    private static Object element(List<?> list, int index) {
        int at = index < 0 ? list.size() + index : index;
        return at >= 0 && at < list.size() ? list.get(at) : null;
    }

    private static Optional<Found> size(Found found) {
        Object value = found.value();
        if (value instanceof List<?> list) {
            return Optional.of(new Found(list.size()));
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new Found(map.size()));
        }
        return value instanceof String text ? Optional.of(new Found(text.length())) : Optional.empty();
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
