package org.runbookunit.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Send one request through REST Assured to a server on 127.0.0.1 started for it and stopped at once, so the run's
 * first HTTP step does not pay for loading REST Assured and initialising Groovy (about a second of CPU on a 2-core
 * machine). Nothing outside the JVM is contacted; the response is not checked, and no evidence is kept.
 */
final class WarmUp {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final byte[] BODY = "{\"ready\":true}".getBytes(StandardCharsets.UTF_8);

    private WarmUp() {
    }

    /** Run the warm-up request; a failure only means the first step will load the classes itself. */
    static void run() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(BODY);
            }
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ready");
            RestAssuredSender.send(new Exchange.Request("GET", "warm-up", "/ready", url, List.of(), Optional.empty()),
                    RequestOptions.defaults(DEADLINE));
        } finally {
            server.stop(0);
        }
    }
}
