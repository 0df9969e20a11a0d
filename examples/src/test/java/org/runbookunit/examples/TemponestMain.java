package org.runbookunit.examples;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.runbookunit.config.DatabaseSettings;

/**
 * Run the sample temponest from a checkout, as its {@code scripts/deploy/up.sh} does: the release is the checkout's
 * {@code VERSION}, the connections come from its {@code .env} ({@code DATABASE_URL}, {@code DB_PASSWORD},
 * {@code REDIS_URL}, {@code OLLAMA_URL}) and the runner's {@code run/runner.env} ({@code TEMPONEST_PORT},
 * {@code DB_USER}, {@code LOG_FILE}, {@code PARENT_PID}). A release whose {@code config/temponest.properties} sets
 * {@code agents.require-ollama=true} fails every execution when Ollama does not answer. The process ends on SIGTERM
 * and when the JVM that rehearses it ({@code PARENT_PID}) ends, so no test leaves it running.
 */
final class TemponestMain {

    private static final Duration OLLAMA_PROBE = Duration.ofSeconds(1);

    private TemponestMain() {
    }

    /** Start serving from the checkout named by the only argument. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TemponestMain <checkout folder> but got " + args.length + " arguments");
        }
        Path home = Path.of(args[0]);
        Map<String, String> env = envFile(home.resolve(".env"));
        Map<String, String> runner = envFile(home.resolve("run/runner.env"));
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("config/temponest.properties"))) {
            config.load(reader);
        }
        boolean failingAgents = Boolean.parseBoolean(config.getProperty("agents.require-ollama", "false"))
                && !answers(URI.create(env.get("OLLAMA_URL")));
        TemponestStore store = new TemponestStore(new DatabaseSettings(env.get("DATABASE_URL"), runner.get("DB_USER"),
                env.get("DB_PASSWORD")), URI.create(env.get("REDIS_URL")));
        TemponestService service = TemponestService.start(store, Path.of(runner.get("LOG_FILE")), failingAgents,
                Files.readString(home.resolve("VERSION")).strip(), Integer.parseInt(runner.get("TEMPONEST_PORT")));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "temponest-shutdown"));
        ProcessHandle.of(Long.parseLong(runner.get("PARENT_PID"))).ifPresent(parent -> parent.onExit().join());
        System.exit(0);
    }

    /** Read KEY=VALUE lines (values optionally in single quotes, as a shell sources them). */
    static Map<String, String> envFile(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.contains("=") && !line.startsWith("#"))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> unquoted(line.substring(line.indexOf('=') + 1)), (first, second) -> second));
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'") ? value.substring(1, value.length() - 1)
                : value;
    }

    private static boolean answers(URI service) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(service.getHost(), service.getPort()), (int) OLLAMA_PROBE.toMillis());
            return true;
        } catch (IOException unreachable) {
            return false;
        }
    }
}
