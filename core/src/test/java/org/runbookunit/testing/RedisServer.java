package org.runbookunit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Run Debian's real {@code redis-server} for a test on a free port of 127.0.0.1, working folder under {@code target/},
 * no persistence ({@code --save ''}), with a password and a {@code maxmemory}. Skipped without the binary on a laptop;
 * FAILS with {@code CI=true}.
 */
public final class RedisServer implements AutoCloseable {

    /** The password of every test server; a loopback test server's, not a secret. */
    public static final String PASSWORD = "runbook-test-redis";

    private static final Duration READY_DEADLINE = Duration.ofSeconds(20);

    private final Daemon daemon;
    private final int port;

    private RedisServer(Daemon daemon, int port) {
        this.daemon = daemon;
        this.port = port;
    }

    /** Start a server limited to {@code maxmemory} bytes. */
    public static RedisServer start(long maxmemory) {
        Path binary = Daemon.require("/usr/bin/redis-server", "redis-server");
        Path folder = Daemon.folder("redis");
        int port = Daemon.freePort();
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder.toString(), "--requirepass", PASSWORD,
                "--maxmemory", String.valueOf(maxmemory)));
        Daemon daemon = Daemon.start("redis", command, folder, READY_DEADLINE, () -> pong(port));
        return new RedisServer(daemon, port);
    }

    /** Return the port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Return the URL with the password, e.g. {@code redis://:pw@127.0.0.1:6379}. */
    public String url() {
        return "redis://:" + PASSWORD + "@127.0.0.1:" + port;
    }

    /** Stop the server, e.g. to see a check fail against a Redis that is down. */
    @Override
    public void close() {
        daemon.close();
    }

    private static boolean pong(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(("AUTH " + PASSWORD + "\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[64];
            int read = 0;
            while (read < 12) {
                int n = in.read(answer, read, answer.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return new String(answer, 0, read, StandardCharsets.US_ASCII).contains("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }
}
