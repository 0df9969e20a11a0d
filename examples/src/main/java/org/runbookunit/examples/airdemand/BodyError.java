package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Hold one problem with a request body, as one entry of FastAPI's 422 {@code detail} list.
 *
 * @param loc where the problem is: {@code "body"}, then key names and list indexes
 * @param msg what is wrong, in Pydantic's words
 * @param type Pydantic's error type, such as {@code extra_forbidden}
 */
record BodyError(List<Object> loc, String msg, String type) {

    BodyError {
        loc = List.copyOf(loc);
        Objects.requireNonNull(msg, "msg");
        Objects.requireNonNull(type, "type");
    }

    /** Report a problem with the value at {@code loc}. */
    static BodyError at(List<Object> loc, String msg, String type) {
        return new BodyError(loc, msg, type);
    }

    /** Report a key the body may not hold. */
    static BodyError extraForbidden(String key) {
        return new BodyError(List.of("body", key), "Extra inputs are not permitted", "extra_forbidden");
    }

    /** Render the error as FastAPI does. */
    ObjectNode toJson() {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        ArrayNode location = error.putArray("loc");
        for (Object part : loc) {
            if (part instanceof Integer index) {
                location.add(index);
            } else {
                location.add(part.toString());
            }
        }
        return error.put("msg", msg).put("type", type);
    }
}
