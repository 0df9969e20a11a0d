package org.runbookunit.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.runbookunit.testing.LoopbackServer;

/**
 * Serve small pages on 127.0.0.1 for browser tests: a roles table filled by an XHR, pages that log errors, fetch a
 * failing or slow API or reach outside, and a login form. Nothing else is served: {@code /favicon.ico} answers 404.
 */
public final class DashboardPages {

    public static final String LOGIN_PASSWORD = "s3cret-login-password";
    public static final String BASIC_USER = "viewer";
    public static final String BASIC_PASSWORD = "basic-pass-123";

    private DashboardPages() {
    }

    public static LoopbackServer start(Duration slowApiDelay) {
        return LoopbackServer.start()
                .route("/roles", html("Air Demand", "<link rel=\"icon\" href=\"/favicon.ico\">"
                        + "<h1>Paraform Roles</h1><table id=\"roles\"><tbody></tbody></table>"
                        + script("fetch('/api/roles').then(r => r.json()).then(roles => roles.forEach(role => {"
                                + " const row = document.createElement('tr'); row.innerHTML = '<td>' + role + '</td>';"
                                + " document.querySelector('#roles tbody').append(row); }));")))
                .json("/api/roles", 200, "[\"Staff Engineer\", \"Data Scientist\"]")
                .route("/broken", html("Broken", "<h1>Broken</h1>" + script("console.error('chart failed to render');"
                        + " setTimeout(() => { throw new Error('kaput'); }, 0);")))
                .route("/xhr500", html("Failing API", "<h1>Metrics</h1><p id=\"state\">loading</p>"
                        + script("fetch('/api/fail').then(r => document.querySelector('#state').textContent = 'status ' + r.status);")))
                .json("/api/fail", 500, "{\"detail\":\"Internal Server Error\"}")
                .route("/refused", html("Refused", "<h1>Refused</h1>"
                        + script("fetch('http://127.0.0.1:" + closedPort() + "/closed').catch(() => {});")))
                .route("/outside", html("Outside", "<h1>Outside</h1>"
                        + script("fetch('http://example.invalid/beacon').catch(() => {});")))
                .route("/slow", html("Slow", "<h1>Slow metrics</h1><p id=\"state\">loading</p>"
                        + script("fetch('/api/slow').then(r => r.text()).then(t => document.querySelector('#state').textContent = t);")))
                .route("/api/slow", exchange -> {
                    sleep(slowApiDelay);
                    LoopbackServer.respond(exchange, 200, "text/plain", "metrics loaded".getBytes(StandardCharsets.UTF_8));
                })
                .route("/login", html("Login", "<form id=\"login\"><input id=\"username\"><input id=\"password\" "
                        + "type=\"password\"><button type=\"submit\">Login</button></form><p id=\"result\"></p>"
                        + script("document.querySelector('#login').addEventListener('submit', async event => {"
                                + " event.preventDefault(); const response = await fetch('/api/login', {method: 'POST',"
                                + " body: JSON.stringify({user: document.querySelector('#username').value,"
                                + " password: document.querySelector('#password').value})});"
                                + " document.querySelector('#result').textContent = response.ok"
                                + " ? 'Signed in as ' + (await response.json()).user : 'Wrong password'; });")))
                .route("/api/login", DashboardPages::login)
                .route("/private", exchange -> {
                    String expected = "Basic " + Base64.getEncoder().encodeToString((BASIC_USER + ":" + BASIC_PASSWORD)
                            .getBytes(StandardCharsets.UTF_8));
                    boolean authorized = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"grafana\"");
                    byte[] page = ("<title>Grafana</title><h1>" + (authorized ? "API Performance" : "Unauthorized") + "</h1>")
                            .getBytes(StandardCharsets.UTF_8);
                    LoopbackServer.respond(exchange, authorized ? 200 : 401, "text/html", page);
                });
    }

    private static void login(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean ok = body.contains("\"password\":\"" + LOGIN_PASSWORD + "\"");
        String answer = ok ? "{\"user\":\"operator\"}" : "{\"detail\":\"wrong password\"}";
        LoopbackServer.respond(exchange, ok ? 200 : 401, "application/json", answer.getBytes(StandardCharsets.UTF_8));
    }

    private static LoopbackServer.Handler html(String title, String body) {
        byte[] page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        return exchange -> LoopbackServer.respond(exchange, 200, "text/html; charset=utf-8", page);
    }

    private static String script(String code) {
        return "<script>" + code + "</script>";
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Return a loopback port nothing listens on (bound and released): requests to it are refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }
}
