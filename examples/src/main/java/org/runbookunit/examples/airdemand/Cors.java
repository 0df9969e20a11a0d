package org.runbookunit.examples.airdemand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answer cross-origin requests like Starlette's {@code CORSMiddleware} with the configured allowed origins: an allowed
 * origin gets {@code Access-Control-Allow-Origin} back, a preflight from any other origin gets 400.
 */
final class Cors {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";

    private Cors() {
    }

    /** Answer a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from {@code origin}. */
    static JsonResponse preflight(Optional<String> origin, List<String> allowedOrigins) {
        if (origin.isEmpty() || !allowedOrigins.contains(origin.get())) {
            return new JsonResponse(400, JsonResponse.detail(400, "Disallowed CORS origin").body(), Map.of("Vary", "Origin"));
        }
        Map<String, String> headers = new LinkedHashMap<>(headers(origin, allowedOrigins));
        headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
        headers.put("Access-Control-Allow-Headers", "Authorization, Content-Type");
        headers.put("Access-Control-Max-Age", "600");
        return new JsonResponse(200, JsonResponse.detail(200, "OK").body(), headers);
    }

    /** Return the headers an answer to {@code origin} carries: the allow-origin header only for an allowed origin. */
    static Map<String, String> headers(Optional<String> origin, List<String> allowedOrigins) {
        if (origin.isPresent() && allowedOrigins.contains(origin.get())) {
            return Map.of(ALLOW_ORIGIN, origin.get(), "Access-Control-Allow-Credentials", "true", "Vary", "Origin");
        }
        return Map.of("Vary", "Origin");
    }
}
