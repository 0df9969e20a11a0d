package org.runbookunit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Misbehave on a loopback port at the socket level, below any HTTP library: drip a response a byte a second, stream
 * a body that never ends, close without answering. Counts the connections it accepted.
 */
public final class RawServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "raw-server");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger accepted = new AtomicInteger();

    private RawServer(Behaviour behaviour) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
    }

    /** Start serving every connection with a behaviour. */
    public static RawServer start(Behaviour behaviour) {
        try {
            RawServer server = new RawServer(behaviour);
            server.connections.execute(server::acceptForever);
            return server;
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    /** Send the status line and headers one byte a second: the answer never completes within any sane deadline. */
    public static RawServer drippingHeaders() {
        return start((in, out) -> {
            readRequestHead(in);
            drip(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        });
    }

    /** Send the headers at once, then the body one byte a second. */
    public static RawServer drippingBody() {
        return start((in, out) -> {
            readRequestHead(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            drip(out, "x".repeat(100));
        });
    }

    /** Answer 200 with a chunked body that never ends, as fast as the client reads. */
    public static RawServer endlessBody() {
        return start((in, out) -> {
            readRequestHead(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + "y".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
            }
        });
    }

    /** Answer 200 with a body of a size, without {@code Content-Length} (read until the connection closes). */
    public static RawServer bodyOf(long bytes) {
        return start((in, out) -> {
            readRequestHead(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] block = "z".repeat(0x10000).getBytes(StandardCharsets.US_ASCII);
            for (long sent = 0; sent < bytes; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - sent));
            }
        });
    }

    /** Read the request and close the connection without a word, as a server refusing oversized headers does. */
    public static RawServer closingWithoutAnswer() {
        return start((in, out) -> readRequestHead(in));
    }

    /** Answer whatever arrives with a plain-text HTTP 400 at once, as nginx does to a TLS hello on its HTTP port. */
    public static RawServer plainHttpAnsweringAnything() {
        return start((in, out) -> {
            in.read(new byte[512]);
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
    }

    /** Return the base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Return how many connections were accepted so far. */
    public int connections() {
        return accepted.get();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                accepted.incrementAndGet();
                connections.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            behaviour.serve(connection.getInputStream(), connection.getOutputStream());
        } catch (IOException | InterruptedException clientGone) {
            // the client hung up or the server is closing: that is the point of these servers
        }
    }

    private static void drip(OutputStream out, String text) throws IOException, InterruptedException {
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            out.write(b);
            out.flush();
            Thread.sleep(1000);
        }
    }

    /** Read up to the blank line that ends a request's head (the tests send no request bodies to these servers). */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == end.length) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }

    /** Serve one connection. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }
}
