package org.runbookunit.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;

/** Parse response bodies as JSON and convert values for typed assertions. */
final class JsonValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    static JsonPath parse(String body) {
        if (body.isBlank()) {
            throw new IllegalArgumentException("the body is empty");
        }
        return new JsonPath(body);
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
}
