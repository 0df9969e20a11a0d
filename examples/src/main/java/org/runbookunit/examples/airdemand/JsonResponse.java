package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/**
 * Hold the status, JSON body and extra headers of one answer.
 *
 * @param status the HTTP status code
 * @param body the JSON body
 * @param headers headers to send besides {@code Content-Type}
 */
record JsonResponse(int status, JsonNode body, Map<String, String> headers) {

    JsonResponse {
        headers = Map.copyOf(headers);
    }

    /** Answer {@code status} with {@code body} and no extra headers. */
    static JsonResponse of(int status, JsonNode body) {
        return new JsonResponse(status, body, Map.of());
    }

    /** Answer {@code status} with a FastAPI-style {@code {"detail": "..."}} body. */
    static JsonResponse detail(int status, String detail) {
        return of(status, JsonNodeFactory.instance.objectNode().put("detail", detail));
    }

    /** Answer 404 as FastAPI does for a path it does not know. */
    static JsonResponse notFound() {
        return detail(404, "Not Found");
    }

    /** Answer 405 as FastAPI does, naming the method the path accepts. */
    static JsonResponse methodNotAllowed(String allowed) {
        return new JsonResponse(405, detail(405, "Method Not Allowed").body(), Map.of("Allow", allowed));
    }

    /** Answer 500 without leaking what failed. */
    static JsonResponse internalServerError() {
        return detail(500, "Internal Server Error");
    }
}
