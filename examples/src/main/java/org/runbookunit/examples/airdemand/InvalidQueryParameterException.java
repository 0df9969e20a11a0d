package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Report a query parameter the service cannot accept, as FastAPI's 422 does. */
final class InvalidQueryParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String input;

    InvalidQueryParameterException(String parameter, String input, String message) {
        super(message);
        this.parameter = parameter;
        this.input = input;
    }

    /** Render the FastAPI-style 422 answer naming the parameter and the rejected input. */
    JsonResponse toResponse() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode error = json.objectNode();
        error.putArray("loc").add("query").add(parameter);
        error.put("msg", getMessage()).put("type", "value_error").put("input", input);
        ObjectNode body = json.objectNode();
        body.putArray("detail").add(error);
        return JsonResponse.of(422, body);
    }
}
