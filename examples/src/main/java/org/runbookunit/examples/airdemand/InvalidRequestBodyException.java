package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Report a request body the service cannot accept, as FastAPI's 422 does. */
final class InvalidRequestBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<BodyError> errors;

    InvalidRequestBodyException(List<BodyError> errors) {
        super(errors.size() + " problem(s) with the request body");
        this.errors = List.copyOf(errors);
    }

    InvalidRequestBodyException(BodyError error) {
        this(List.of(error));
    }

    /** Render the FastAPI-style 422 answer listing every problem found. */
    JsonResponse toResponse() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode detail = body.putArray("detail");
        errors.forEach(error -> detail.add(error.toJson()));
        return JsonResponse.of(422, body);
    }
}
