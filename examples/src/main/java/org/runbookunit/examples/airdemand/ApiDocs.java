package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Serve the API's documentation as FastAPI does: {@code /openapi.json} (built from the routes) and {@code /docs}, a page
 * titled "Air Demand API - Swagger UI" listing every operation (no Swagger UI bundle: nothing is fetched off the host).
 */
final class ApiDocs implements HttpHandler {

    static final String TITLE = "Air Demand API";

    private final Supplier<Map<String, Set<String>>> operations;

    ApiDocs(Supplier<Map<String, Set<String>>> operations) {
        this.operations = operations;
    }

    /** Describe {@code operations} (path → methods) as an OpenAPI 3.1 document. */
    static ObjectNode openApi(Map<String, Set<String>> operations) {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("openapi", "3.1.0");
        document.putObject("info").put("title", TITLE).put("version", HealthEndpoints.VERSION);
        ObjectNode paths = document.putObject("paths");
        operations.forEach((path, methods) -> {
            ObjectNode item = paths.putObject(path);
            new TreeSet<>(methods).forEach(method -> item.putObject(method.toLowerCase(Locale.ROOT))
                    .put("summary", method + " " + path));
        });
        return document;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean found = exchange.getRequestURI().getPath().equals("/docs") && "GET".equals(exchange.getRequestMethod());
            byte[] body = (found ? page() : "<h1>Not Found</h1>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String page() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>" + TITLE + " - Swagger UI</title></head>"
                + "<body><h1>" + TITLE + " " + HealthEndpoints.VERSION + "</h1><p><a href=\"/openapi.json\">/openapi.json</a></p><ul>");
        operations.get().forEach((path, methods) -> new TreeSet<>(methods).forEach(method ->
                html.append("<li class=\"opblock\"><b>").append(method).append("</b> <code>").append(path)
                        .append("</code></li>")));
        return html.append("</ul></body></html>").toString();
    }
}
