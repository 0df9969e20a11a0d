package org.runbookunit.examples.airdemand;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serve a sample air-demand API on 127.0.0.1, with switches that let a test break it on purpose.
 *
 * <pre>{@code
 * try (AirDemandService service = AirDemandService.start(0)) {
 *     URI health = service.baseUri().resolve("/health");
 *     service.setHealthy(false); // /health now answers 503
 * }
 * }</pre>
 *
 * <p>The sample dashboard is served under {@code /dashboard/}: a "Paraform Roles" page whose script fetches
 * {@code /demand/roles}, and a login page for the user {@code operator} when a dashboard password is given.
 *
 * <p>Give an admin token to enable {@code GET|PUT /admin/config} and {@code POST /admin/restart}, which answer
 * only requests sending {@code Authorization: Bearer <token>}:
 *
 * <pre>{@code
 * try (AirDemandService service = AirDemandService.start(0, new InMemoryRoleStore(), "s3cret")) {
 *     service.setRestartDuration(Duration.ofMillis(100)); // /health/ready answers 503 this long after a restart
 * }
 * }</pre>
 */
public final class AirDemandService implements AutoCloseable {

    /** Hold the port the real air-demand API listens on, used by {@link #main(String[])} by default. */
    public static final int DEFAULT_PORT = 8123;

    /** Name the variable {@link #main(String[])} reads the admin token from; unset, the admin API is disabled. */
    public static final String ADMIN_TOKEN_ENV = "AIRDEMAND_ADMIN_TOKEN";

    /** The environment variable that lets {@link #main} listen on 0.0.0.0 inside a container. */
    public static final String BIND_ENV = "AIRDEMAND_BIND";

    /**
     * The environment variable with the JDBC URL {@link #main} keeps roles in (with {@code AIRDEMAND_DATABASE_USER} and
     * {@code AIRDEMAND_DATABASE_PASSWORD}); unset, roles stay in memory.
     */
    public static final String DATABASE_URL_ENV = "AIRDEMAND_DATABASE_URL";

    /** Name the variable {@link #main(String[])} reads the dashboard password from; unset, login is disabled. */
    public static final String DASHBOARD_PASSWORD_ENV = "AIRDEMAND_DASHBOARD_PASSWORD";

    /** The environment variable with the deployed release's commit, reported by {@code /health}. */
    public static final String COMMIT_ENV = "AIRDEMAND_COMMIT";

    /** The environment variable with the comma-separated origins CORS allows (the release's config/app.properties). */
    public static final String ALLOWED_ORIGINS_ENV = "AIRDEMAND_ALLOWED_ORIGINS";

    private static final int WORKER_THREADS = 4;
    private static final Duration STOP_BUDGET = Duration.ofSeconds(1);

    private final HttpServer server;
    private final ExecutorService workers;
    private final ServiceState state;
    private final ErrorLog errors;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AirDemandService(HttpServer server, ExecutorService workers, ServiceState state, ErrorLog errors) {
        this.server = server;
        this.workers = workers;
        this.state = state;
        this.errors = errors;
    }

    /** Start the service on {@code port} of 127.0.0.1 with the 747 sample roles; port 0 picks a free one. */
    public static AirDemandService start(int port) {
        return start(port, new InMemoryRoleStore());
    }

    /** Start the service on {@code port} of 127.0.0.1, listing roles from {@code store}; port 0 picks a free one. */
    public static AirDemandService start(int port, RoleStore store) {
        return start(port, store, null);
    }

    /**
     * Start the service on {@code port} of 127.0.0.1, listing roles from {@code store}, with the admin API
     * answering requests that send {@code Authorization: Bearer <adminToken>}; a {@code null} token disables it.
     */
    public static AirDemandService start(int port, RoleStore store, String adminToken) {
        return start(port, store, adminToken, null);
    }

    /**
     * Start the service like {@link #start(int, RoleStore, String)}, with the dashboard's login page accepting the user
     * {@code operator} with {@code dashboardPassword}; a {@code null} password disables login.
     */
    public static AirDemandService start(int port, RoleStore store, String adminToken, String dashboardPassword) {
        return start(loopback(), port, store, adminToken, dashboardPassword);
    }

    /**
     * Start the service on {@code address}: 127.0.0.1 everywhere but inside a container, whose own network namespace
     * needs 0.0.0.0 for the mapped port to reach it.
     */
    public static AirDemandService start(InetAddress address, int port, RoleStore store, String adminToken,
            String dashboardPassword) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 but was [" + port + "]");
        }
        Objects.requireNonNull(store, "store");
        Optional<BearerTokenGuard> admin = BearerTokenGuard.forToken(adminToken);
        ServiceState state = new ServiceState();
        ErrorLog errors = new ErrorLog(Clock.systemUTC());
        AirDemandRoutes routes = new AirDemandRoutes(store, state, errors, Clock.systemUTC(), admin,
                Optional.ofNullable(dashboardPassword).map(AuthEndpoints::new));
        HttpServer server = bind(address, port);
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, workerThreads());
        server.createContext("/", new JsonExchangeHandler(routes, state, errors));
        server.createContext("/dashboard", new DashboardPages(state));
        server.createContext("/docs", new ApiDocs(routes::operations));
        server.setExecutor(workers);
        server.start();
        return new AirDemandService(server, workers, state, errors);
    }

    /** Return the port the service listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Return {@code http://127.0.0.1:PORT}, the root every endpoint path resolves against. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Report {@code commit} as the deployed release in {@code /health}, as {@link #main} does from {@value #COMMIT_ENV}. */
    public void setCommit(String commit) {
        state.setCommit(commit);
    }

    /** Replace the origins CORS allows, as {@link #main} does at start from {@value #ALLOWED_ORIGINS_ENV}. */
    public void setAllowedOrigins(List<String> origins) {
        state.updateConfig(config -> new ServiceConfig(config.appName(), config.environment(), config.scrapeHours(),
                config.digestHour(), origins));
    }

    /** Make {@code /health} answer 503 and the database look lost ({@code /health/db}, {@code /health/ready}). */
    public void setHealthy(boolean healthy) {
        state.setHealthy(healthy);
    }

    /** Make {@code /health/ready} answer 503 with the scheduler check failed when {@code ready} is false. */
    public void setReady(boolean ready) {
        state.setReady(ready);
    }

    /** Make every dashboard page answer 502 while {@code up} is false, as if the dashboard service had stopped. */
    public void setDashboardUp(boolean up) {
        state.setDashboardUp(up);
    }

    /** Record an error so that {@code /monitoring/errors} reports it. */
    public void recordError(String message) {
        errors.record(message);
    }

    /** Delay every response by {@code delay}; {@link Duration#ZERO} turns the delay off. */
    public void setResponseDelay(Duration delay) {
        state.setResponseDelay(delay);
    }

    /**
     * Make {@code /health/ready} answer 503 for {@code duration} after each {@code POST /admin/restart}
     * (300 ms unless set); {@link Duration#ZERO} makes restarts instant.
     */
    public void setRestartDuration(Duration duration) {
        state.setRestartDuration(duration);
    }

    /** Stop listening and abandon requests still in flight, within about a second. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(STOP_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Run the service until the process is killed; accept {@code --port N} (default {@value #DEFAULT_PORT}) and
     * enable the admin API when {@value #ADMIN_TOKEN_ENV} holds a token.
     */
    public static void main(String[] args) {
        AirDemandService service;
        String adminToken;
        try {
            int port = PortArgument.parse(args, DEFAULT_PORT);
            adminToken = adminTokenFromEnvironment();
            service = start(bindAddress(), port, roleStoreFromEnvironment(), adminToken, System.getenv(DASHBOARD_PASSWORD_ENV));
        } catch (IllegalArgumentException invalid) {
            System.err.println(invalid.getMessage());
            System.exit(2);
            return;
        }
        service.setCommit(System.getenv().getOrDefault(COMMIT_ENV, ""));
        String origins = System.getenv().getOrDefault(ALLOWED_ORIGINS_ENV, "");
        if (!origins.isBlank()) {
            service.setAllowedOrigins(List.of(origins.split(",")));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "air-demand-shutdown"));
        System.out.println("air-demand sample service listening on " + service.baseUri() + " (dashboard: "
                + service.baseUri() + "/dashboard/)");
        System.out.println(adminToken == null
                ? "admin API disabled; set " + ADMIN_TOKEN_ENV + " to enable it"
                : "admin API enabled with the token from " + ADMIN_TOKEN_ENV);
        System.out.println(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                + " INFO uvicorn.error: Application startup complete.");
    }

    /** Keep roles in PostgreSQL when {@value #DATABASE_URL_ENV} is set (seeding the 747 sample roles), else in memory. */
    private static RoleStore roleStoreFromEnvironment() {
        String url = System.getenv(DATABASE_URL_ENV);
        if (url == null || url.isBlank()) {
            return new InMemoryRoleStore();
        }
        PostgresRoleStore store = new PostgresRoleStore(url, System.getenv("AIRDEMAND_DATABASE_USER"),
                System.getenv("AIRDEMAND_DATABASE_PASSWORD"));
        store.createSampleRoles(InMemoryRoleStore.SAMPLE_ROLE_COUNT);
        return store;
    }

    private static String adminTokenFromEnvironment() {
        String token = System.getenv(ADMIN_TOKEN_ENV);
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException(
                    ADMIN_TOKEN_ENV + " is set but blank; unset it to disable the admin API or set it to a token");
        }
        return token;
    }

    private static HttpServer bind(InetAddress address, int port) {
        try {
            return HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException bindFailure) {
            throw new UncheckedIOException("Could not listen on " + address.getHostAddress() + ":" + port, bindFailure);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("127.0.0.1 is always a valid address", impossible);
        }
    }

    /** Read {@value #BIND_ENV}: only {@code 0.0.0.0} (inside a container) changes the loopback default. */
    private static InetAddress bindAddress() {
        String bind = System.getenv(BIND_ENV);
        if (bind == null || bind.isBlank() || bind.equals("127.0.0.1")) {
            return loopback();
        }
        if (!bind.equals("0.0.0.0")) {
            throw new IllegalArgumentException(BIND_ENV + " must be 127.0.0.1 or 0.0.0.0 (inside a container) but was ["
                    + bind + "]");
        }
        try {
            return InetAddress.getByAddress(new byte[] {0, 0, 0, 0});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("0.0.0.0 is always a valid address", impossible);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "air-demand-http-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
