package org.runbookunit.examples.signalharvester;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Run the sample signal-harvester the way seed 003's containers do, as the {@code harvest} command of its image:
 * {@code harvest api --host 0.0.0.0 --port 8000}, {@code harvest scheduler}, {@code harvest schema-init --database-url
 * postgresql://user:password@db:5432/name} and {@code harvest --version}. The API and the scheduler read
 * {@code DATABASE_URL}, {@code REDIS_URL}, {@code HARVEST_API_KEY} and {@code HARVEST_API_URL} from the environment;
 * no password is ever printed.
 *
 * <pre>{@code
 * docker-compose exec signal-harvester harvest --version
 * }</pre>
 */
public final class Harvest {

    /** The version {@code harvest --version} prints. */
    public static final String VERSION = "signal-harvester sample 1.0 (schema version " + SchemaInit.VERSION + ")";

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private Harvest() {
    }

    /** Run one command; exit 1 with the reason on a failure, 2 on a command line that names no command. */
    public static void main(String[] args) throws Exception {
        List<String> words = Arrays.asList(args);
        String command = words.isEmpty() ? "" : words.get(0);
        Map<String, String> env = System.getenv();
        switch (command) {
            case "--version" -> System.out.println(VERSION);
            case "api" -> api(option(words, "--host", "0.0.0.0"), Integer.parseInt(option(words, "--port", "8000")), env);
            case "scheduler" -> scheduler(URI.create(env.getOrDefault("HARVEST_API_URL", "http://signal-harvester:8000")));
            case "schema-init" -> schemaInit(option(words, "--database-url", env.getOrDefault("DATABASE_URL", "")));
            default -> {
                System.err.println("unknown command [" + String.join(" ", words) + "]: use harvest api|scheduler|"
                        + "schema-init --database-url URL|--version");
                System.exit(2);
            }
        }
    }

    private static void api(String host, int port, Map<String, String> env) throws IOException, InterruptedException {
        PostgresUrl db = PostgresUrl.parse(env.getOrDefault("DATABASE_URL", ""));
        URI redis = URI.create(env.getOrDefault("REDIS_URL", "redis://redis:6379"));
        SignalHarvesterApi api = SignalHarvesterApi.start(new InetSocketAddress(host, port), db.jdbc(), db.user(),
                db.password(), redis, env.getOrDefault("HARVEST_API_KEY", ""));
        System.out.println("signal-harvester API listening on " + host + ":" + port + ", database " + db.jdbc());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Call the API's liveness every second over the network and log a pipeline heartbeat for each answer. */
    private static void scheduler(URI api) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
        HttpRequest live = HttpRequest.newBuilder(api.resolve("/health/live")).timeout(CALL_TIMEOUT).build();
        System.out.println("scheduler started, calling " + api + " every second");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int status = client.send(live, HttpResponse.BodyHandlers.discarding()).statusCode();
                System.out.println(Instant.now() + " pipeline heartbeat: " + api.getHost() + " answered " + status);
            } catch (IOException unreachable) {
                System.out.println(Instant.now() + " api unreachable: " + unreachable);
            }
            Thread.sleep(1000);
        }
    }

    private static void schemaInit(String databaseUrl) {
        PostgresUrl db = PostgresUrl.parse(databaseUrl);
        try {
            SchemaInit.migrate(db.jdbc(), db.user(), db.password(), System.out::println);
        } catch (SQLException | RuntimeException failed) {
            System.err.println("schema-init failed: " + failed.getMessage());
            System.exit(1);
        }
    }

    private static String option(List<String> words, String name, String fallback) {
        int at = words.indexOf(name);
        return at >= 0 && at + 1 < words.size() ? words.get(at + 1) : fallback;
    }

    /** Split {@code postgresql://user:password@host:port/name} into a JDBC URL and the credentials. */
    record PostgresUrl(String jdbc, String user, String password) {

        static PostgresUrl parse(String url) {
            URI uri = URI.create(url);
            String userInfo = uri.getRawUserInfo();
            if (!"postgresql".equals(uri.getScheme()) || userInfo == null || !userInfo.contains(":") || uri.getHost() == null) {
                throw new IllegalArgumentException("DATABASE_URL must be postgresql://user:password@host:port/name, "
                        + "got [" + (userInfo == null ? url : url.replace(userInfo, "***")) + "]: set it in .env.staging");
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            return new PostgresUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath(),
                    userInfo.substring(0, userInfo.indexOf(':')), userInfo.substring(userInfo.indexOf(':') + 1));
        }

        @Override
        public String toString() {
            return "PostgresUrl[" + jdbc + " as " + user + "]";
        }
    }
}
