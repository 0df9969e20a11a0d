package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turn every HTTP exchange into a JSON answer, after the configured delay, never leaving one unanswered. */
final class JsonExchangeHandler implements HttpHandler {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final AirDemandRoutes routes;
    private final ServiceState state;
    private final ErrorLog errors;
    private final ObjectMapper mapper = new ObjectMapper();

    JsonExchangeHandler(AirDemandRoutes routes, ServiceState state, ErrorLog errors) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.state = Objects.requireNonNull(state, "state");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (waitResponseDelay()) {
                write(exchange, respondSafely(exchange));
            }
        } finally {
            exchange.close();
        }
    }

    private boolean waitResponseDelay() {
        Duration delay = state.responseDelay();
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonResponse respondSafely(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return JsonResponse.detail(413, "Request Entity Too Large");
        }
        Request request = new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                QueryParameters.parse(exchange.getRequestURI().getRawQuery()),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")),
                new String(body, StandardCharsets.UTF_8));
        Optional<String> origin = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin"));
        List<String> allowed = state.config().allowedOrigins();
        if (request.method().equals("OPTIONS") && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
            return Cors.preflight(origin, allowed);
        }
        try {
            JsonResponse response = routes.respond(request);
            Map<String, String> headers = new LinkedHashMap<>(response.headers());
            headers.putAll(Cors.headers(origin, allowed));
            return new JsonResponse(response.status(), response.body(), headers);
        } catch (RuntimeException failure) {
            errors.record(request.method() + " " + request.path() + " failed: " + failure);
            return JsonResponse.internalServerError();
        }
    }

    private void write(HttpExchange exchange, JsonResponse response) throws IOException {
        byte[] body = mapper.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
