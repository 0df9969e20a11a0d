package org.runbookunit.smoke;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Warm REST Assured up on a second thread while the configuration loads: one GET to a socket of this JVM on loopback,
 * so its first real call does not pay for loading and linking REST Assured, Groovy and HttpClient (about a second).
 * Off by default: measured on 2 cores it made a 20-check run 0.3 s slower, not faster (bench/smoke-vs-newman.sh); turn
 * it on with {@code -Drunbook.smoke.warmup=true} or {@code RUNBOOK_SMOKE_WARMUP=true} where more cores are free.
 */
final class HttpWarmup {

    /** Set to {@code true} to warm REST Assured up on a second thread. */
    static final String KEY = "runbook.smoke.warmup";

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    private HttpWarmup() {
    }

    /**
     * Tell whether a command line asks for the warm-up and will make HTTP calls soon: {@code run} without
     * {@code --plan}, with {@code -Drunbook.smoke.warmup=true} or {@code RUNBOOK_SMOKE_WARMUP=true}.
     */
    static boolean wanted(String... args) {
        java.util.List<String> words = java.util.List.of(args);
        boolean asked = "true".equalsIgnoreCase(System.getenv("RUNBOOK_SMOKE_WARMUP"))
                || words.stream().anyMatch(word -> word.replace(" ", "").equalsIgnoreCase(KEY + "=true")
                        || word.replace(" ", "").equalsIgnoreCase("-D" + KEY + "=true"));
        return asked && !words.isEmpty() && words.get(0).equals("run") && !words.contains("--plan");
    }

    /** Start the warm-up on a daemon thread; it never delays or fails the run. */
    static void start() {
        Thread thread = new Thread(HttpWarmup::warm, "runbookunit-http-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warm() {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(TIMEOUT_MILLIS);
            Thread responder = new Thread(() -> answerOnce(server), "runbookunit-http-warmup-server");
            responder.setDaemon(true);
            responder.start();
            RestAssured.given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", TIMEOUT_MILLIS).setParam("http.socket.timeout", TIMEOUT_MILLIS)))
                    .urlEncodingEnabled(false).get("http://127.0.0.1:" + server.getLocalPort() + "/warm-up").asByteArray();
        } catch (Exception | LinkageError ignored) {
            // a warm-up that fails only means the first real call is slower
        }
    }

    private static void answerOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            InputStream in = socket.getInputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int next = in.read(); next != -1 && matched < end.length; next = in.read()) {
                matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
            }
            OutputStream out = socket.getOutputStream();
            out.write(ANSWER);
            out.flush();
        } catch (IOException ignored) {
            // the client gives up on its own timeout
        }
    }
}
