package org.runbookunit.examples.airdemand;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serve the sample dashboard under {@code /dashboard/}: a "Paraform Roles" page whose script fetches
 * {@code /demand/roles} and renders the table, and a login page that posts to {@code /auth/login}; every page answers
 * 502 while the dashboard is switched off, like a proxy in front of a stopped dashboard service.
 */
final class DashboardPages implements HttpHandler {

    /** Page path → resource file and content type. */
    private static final Map<String, String[]> PAGES = Map.of(
            "/dashboard", new String[] {"index.html", "text/html; charset=utf-8"},
            "/dashboard/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/dashboard/login", new String[] {"login.html", "text/html; charset=utf-8"},
            "/dashboard/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"},
            "/dashboard/login.js", new String[] {"login.js", "text/javascript; charset=utf-8"},
            "/dashboard/style.css", new String[] {"style.css", "text/css; charset=utf-8"});

    private final Map<String, byte[]> files = Map.of(
            "index.html", read("index.html"), "login.html", read("login.html"), "app.js", read("app.js"),
            "login.js", read("login.js"), "style.css", read("style.css"));

    private final ServiceState state;

    DashboardPages(ServiceState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!state.dashboardUp()) {
                byte[] down = "<h1>502 Bad Gateway</h1>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(502, down.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(down);
                }
                return;
            }
            String[] page = PAGES.get(exchange.getRequestURI().getPath());
            boolean found = page != null && "GET".equals(exchange.getRequestMethod());
            byte[] body = found ? files.get(page[0]) : "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", found ? page[1] : "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = DashboardPages.class.getResourceAsStream("dashboard/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the sample dashboard file dashboard/" + file + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
