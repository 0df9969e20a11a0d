package org.runbookunit.internal.docker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Name the Docker engine that {@code DOCKER_HOST} points at (what Testcontainers and the docker CLI use first), and
 * fail fast, naming the address and the fix, when that engine does not answer: left alone, Testcontainers would fall
 * back to the local socket and run the stack on another engine than the one asked for.
 *
 * @param address the engine's address, e.g. {@code tcp://127.0.0.1:2375}; empty when {@code DOCKER_HOST} is unset
 */
public record DockerHost(Optional<URI> address) {

    /** The variable Testcontainers, docker-java and the docker CLI read. */
    public static final String VARIABLE = "DOCKER_HOST";
    /** How long a TCP engine may take to accept a connection before it counts as not answering. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final String LOCAL_SOCKET = "unix:///var/run/docker.sock";

    /** Read {@code DOCKER_HOST} from an environment; fail naming the value when it is no engine address. */
    public static DockerHost from(Map<String, String> environment) {
        String raw = environment.get(VARIABLE);
        if (raw == null || raw.isBlank()) {
            return new DockerHost(Optional.empty());
        }
        try {
            URI uri = new URI(raw.strip());
            if (uri.getScheme() == null || "tcp".equals(uri.getScheme()) && (uri.getHost() == null || uri.getPort() < 0)) {
                throw new URISyntaxException(raw, "no scheme, host or port");
            }
            return new DockerHost(Optional.of(uri));
        } catch (URISyntaxException bad) {
            throw new IllegalStateException(VARIABLE + " must name a Docker engine like tcp://127.0.0.1:2375 or "
                    + LOCAL_SOCKET + " but was [" + raw + "]; fix it or unset it to use the local engine", bad);
        }
    }

    /** Return this process's {@code DOCKER_HOST}, checked as {@link #from}. */
    public static DockerHost fromProcess() {
        return from(System.getenv());
    }

    /** Tell whether the engine is reached over TCP (another machine, or another engine on this one). */
    public boolean tcp() {
        return address.map(uri -> "tcp".equals(uri.getScheme()) || uri.getScheme().startsWith("http")).orElse(false);
    }

    /** Return the host the engine publishes container ports on: the TCP engine's host, else {@code 127.0.0.1}. */
    public String portHost() {
        return tcp() ? address.orElseThrow().getHost() : "127.0.0.1";
    }

    /** Describe the engine for the console and the report, e.g. {@code Docker engine tcp://127.0.0.1:2375 (DOCKER_HOST)}. */
    public String describe() {
        return address.map(uri -> "Docker engine " + uri + " (" + VARIABLE + ")")
                .orElse("the local Docker engine (" + VARIABLE + " unset)");
    }

    /**
     * Fail unless the engine {@code DOCKER_HOST} names accepts a connection: a TCP port within {@link #CONNECT_TIMEOUT},
     * or an existing unix socket. Does nothing when it is unset or of another scheme ({@code ssh://}, {@code npipe://}).
     */
    public DockerHost requireReachable() {
        if (address.isEmpty()) {
            return this;
        }
        URI uri = address.get();
        if (tcp()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) CONNECT_TIMEOUT.toMillis());
            } catch (IOException unreachable) {
                throw notAnswering(uri, unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage(),
                        unreachable);
            }
        } else if ("unix".equals(uri.getScheme()) && !Files.exists(Path.of(uri.getPath()))) {
            throw notAnswering(uri, "no socket file at " + uri.getPath(), null);
        }
        return this;
    }

    /** Fail when the engine a client chose is not the one {@code DOCKER_HOST} names. */
    public void requireChosen(URI chosen, String chooser) {
        address.filter(uri -> !sameEngine(uri, chosen)).ifPresent(uri -> {
            throw new IllegalStateException(chooser + " chose the Docker engine [" + chosen + "] but " + VARIABLE
                    + " names [" + uri + "]: it did not accept " + uri + " (a failed ping, or tc.host in "
                    + "~/.testcontainers.properties takes precedence); fix the engine at " + uri + " or unset " + VARIABLE);
        });
    }

    private static boolean sameEngine(URI wanted, URI chosen) {
        if (chosen.getHost() == null) {
            return wanted.toString().equals(chosen.toString());
        }
        return chosen.getHost().equals(wanted.getHost()) && chosen.getPort() == wanted.getPort();
    }

    private static IllegalStateException notAnswering(URI uri, String why, Throwable cause) {
        String fix = "tcp".equals(uri.getScheme()) ? "start the engine there (dockerd -H " + uri + ")" : "start dockerd";
        return new IllegalStateException("Docker engine [" + uri + "] named by " + VARIABLE + " does not answer ("
                + why + "); " + fix + ", point " + VARIABLE + " at a running engine, or unset it to use the local "
                + "engine (" + LOCAL_SOCKET + ")", cause);
    }
}
