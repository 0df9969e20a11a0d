package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Parse a request body that must be one JSON object, failing as FastAPI does. */
final class JsonBody {

    private static final ObjectReader READER =
            new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {
    }

    /** Return the body as a JSON object, or throw {@link InvalidRequestBodyException} when it is not one. */
    static ObjectNode readObject(String body) {
        if (body.isBlank()) {
            throw new InvalidRequestBodyException(BodyError.at(List.of("body"), "Field required", "missing"));
        }
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new InvalidRequestBodyException(BodyError.at(List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
        }
        return (ObjectNode) root;
    }

    private static JsonNode parse(String body) {
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException malformed) {
            long offset = malformed.getLocation() == null ? -1 : malformed.getLocation().getCharOffset();
            List<Object> loc = offset < 0 ? List.of("body") : List.of("body", (int) offset);
            throw new InvalidRequestBodyException(BodyError.at(loc, "JSON decode error", "json_invalid"));
        }
    }
}
