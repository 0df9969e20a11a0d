package org.runbookunit.examples.hosts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.runbookunit.config.HostSettings;
import org.runbookunit.examples.airdemand.AirDemandScheduler;
import org.runbookunit.examples.airdemand.AirDemandService;
import org.runbookunit.examples.airdemand.SampleListing;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.SshHostService;

/**
 * Rehearse one air-demand droplet: a real OpenSSH server on loopback whose sessions start in the droplet's root
 * folder, where the sample API and scheduler run as processes (pid files under {@code run/}, output under
 * {@code var/log/journal/}), with the seed's {@code air-demand/.env}, health monitor script, crontab and
 * {@code scripts/check_health.sh}; the scheduler scrapes a sample job board on an accelerated clock. The
 * {@code systemctl}, {@code crontab} and {@code journalctl} there are stand-ins ({@link HostScripts}).
 */
final class AirDemandHost implements RehearsalService {

    static final String API = "air-demand-api";
    static final String SCHEDULER = "air-demand-scheduler";
    static final String HEALTH_CRON = "*/5 * * * * /root/air-demand/scripts/monitor_health.sh";
    private static final String ADMIN_TOKEN = "rehearsal-admin-token";
    private static final String LISTING = "air-demand/data/paraform_listing.tsv";
    private static final String JOB_STATE = "air-demand/state/jobs.json";

    private final String hostName;
    private final String endpointName;
    private final Path root;
    private final AirDemandRepository repository;
    private final boolean pendingCorsChange;
    private final ProductionDatabase database;
    private SshHostService sshd;
    private Optional<String> processProperty = Optional.empty();
    private int apiPort;

    AirDemandHost(String hostName, String endpointName, Path folder, boolean pendingCorsChange,
            ProductionDatabase database) {
        this.database = database;
        this.hostName = hostName;
        this.endpointName = endpointName;
        this.root = folder.toAbsolutePath().resolve("root");
        this.repository = new AirDemandRepository(folder);
        this.pendingCorsChange = pendingCorsChange;
    }

    /**
     * Bind, as environment property {@code name}, a {@code pgrep -f} pattern that matches this droplet's processes and
     * no other build's on this machine (every build's droplets run here, under the same user).
     */
    AirDemandHost bindingProcessPatternAs(String name) {
        processProperty = Optional.of(name);
        return this;
    }

    @Override
    public Map<String, String> properties() {
        return processProperty.map(name -> Map.of(name, "airdemand.host=" + hostName + " -Dairdemand.root=" + root))
                .orElse(Map.of());
    }

    /** Return the folder of the workstation, whose {@code air-demand/} clone pushes to this droplet's origin. */
    Path workstation() {
        return repository.workstation().getParent();
    }

    /** Make the droplet's checkout pull from a stale copy of origin, so a deploy keeps serving the old release. */
    void pullFromStaleMirror() throws IOException, InterruptedException {
        repository.pullFromStaleMirror(root.resolve("air-demand"));
    }

    @Override
    public String name() {
        return hostName + " (droplet)";
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(root);
        repository.create(root.resolve("air-demand"));
        if (pendingCorsChange) {
            repository.commitCorsChange();
        }
        for (String folder : List.of("run", "var/log/journal", "air-demand/state", "var/spool/cron", "etc/units")) {
            Files.createDirectories(root.resolve(folder));
        }
        HostScripts.write(root, root.resolve("usr/bin"));
        apiPort = freePort();
        HostScripts.monitorScript(root, apiPort);
        HostScripts.checkHealthScript(root, root.resolve(JOB_STATE));
        Files.writeString(root.resolve("air-demand/.env"), "APP_NAME=\"Air Demand Staging\"\nENVIRONMENT=staging\n"
                + "DATABASE_URL=" + database.libpqUrl() + "\n"
                + "MAILGUN_API_KEY=key-rehearsal-5b9d2f\nDIGEST_RECIPIENT=ops@airdemand.example\nSCRAPE_HOURS=5,17\n"
                + "DIGEST_HOUR=6\n");
        Files.writeString(root.resolve("var/spool/cron/crontab"), HEALTH_CRON + "\n");
        unit(API, Map.of(AirDemandService.ADMIN_TOKEN_ENV, ADMIN_TOKEN, AirDemandService.DATABASE_URL_ENV,
                database.settings().url(), "AIRDEMAND_DATABASE_USER", database.settings().user(),
                "AIRDEMAND_DATABASE_PASSWORD", database.settings().password()), "export " + AirDemandService.COMMIT_ENV
                + "=$(git rev-parse --short HEAD)\nexport " + AirDemandService.ALLOWED_ORIGINS_ENV
                + "=$(sed -n 's/^allowed_origins=//p' config/app.properties)\n",
                AirDemandService.class.getName() + " --port " + apiPort);
        HostScripts.script(root.resolve("etc/units/" + API + ".ready"), "#!/bin/sh\nexec curl -fsS --max-time 1 -o "
                + "/dev/null http://127.0.0.1:" + apiPort + "/health\n");
        systemctl("start", API);
        awaitHealthy();
        unit(SCHEDULER, schedulerEnvironment(), "", AirDemandScheduler.class.getName());
        systemctl("start", SCHEDULER);
        sshd = SshHostService.host(hostName).folder(root.getParent().resolve("sshd")).path(root.resolve("usr/bin"))
                .workingDirectory(root);
        sshd.start();
        runMonitor();
    }

    /**
     * Give the scheduler its jobs: the sample job board to scrape, the production database, the outbox, and a
     * clock that starts at 04:59 UTC today and runs 14400 times faster (a day in 6 s), so the rehearsal sees the 05:00
     * and 17:00 scrapes and the 06:00 digest happen on their own within seconds.
     */
    private Map<String, String> schedulerEnvironment() throws IOException {
        Instant clockStart = LocalDate.now(ZoneOffset.UTC).atTime(4, 59).toInstant(ZoneOffset.UTC);
        SampleListing.write(root.resolve(LISTING), 747, 200, clockStart, Duration.ofMinutes(90));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SCRAPE_HOURS", "5,17");
        env.put("DIGEST_HOUR", "6");
        env.put("AIRDEMAND_HEARTBEAT", root.resolve("air-demand/state/scheduler.heartbeat").toString());
        env.put("AIRDEMAND_STATE", root.resolve(JOB_STATE).toString());
        env.put("AIRDEMAND_LISTING", root.resolve(LISTING).toString());
        env.put(AirDemandService.DATABASE_URL_ENV, database.settings().url());
        env.put("AIRDEMAND_DATABASE_USER", database.settings().user());
        env.put("AIRDEMAND_DATABASE_PASSWORD", database.settings().password());
        env.put("AIRDEMAND_OUTBOX", root.resolve("air-demand/outbox").toString());
        env.put("DIGEST_RECIPIENT", "ops@airdemand.example");
        env.put("AIRDEMAND_CLOCK_START", clockStart.toString());
        env.put("AIRDEMAND_CLOCK_SPEED", "14400");
        return env;
    }

    /** Take the job board away, as an expired Paraform session would: every later scrape fails. */
    void breakScrape() throws IOException {
        Files.delete(root.resolve(LISTING));
    }

    /** Stop a unit as a crash or an operator would: its process ends, its pid file goes. */
    void stopUnit(String unit) throws IOException, InterruptedException {
        Path pidFile = root.resolve("run/" + unit + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        process.ifPresent(ProcessHandle::destroy);
        if (process.isPresent()) {
            try {
                process.get().onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stuck) {
                process.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    Path root() {
        return root;
    }

    HostSettings settings() {
        return sshd.settings();
    }

    @Override
    public Map<String, URI> endpoints() {
        return Map.of(endpointName, URI.create("http://127.0.0.1:" + apiPort));
    }

    @Override
    public Map<String, HostSettings> hosts() {
        return Map.of(hostName, sshd.settings());
    }

    @Override
    public String logs() {
        Map<String, String> logs = new LinkedHashMap<>();
        for (String unit : List.of(API, SCHEDULER)) {
            try {
                logs.put(unit, Files.readString(root.resolve("var/log/journal/" + unit + ".log")));
            } catch (IOException missing) {
                logs.put(unit, "(no output)");
            }
        }
        logs.put("sshd", sshd == null ? "" : sshd.logs());
        return logs.toString();
    }

    @Override
    public void close() {
        if (sshd != null) {
            sshd.close();
        }
        for (String unit : List.of(SCHEDULER, API)) {
            try {
                if (Files.exists(root.resolve("run/" + unit + ".pid"))) {
                    stopUnit(unit);
                }
            } catch (IOException | RuntimeException | InterruptedException gone) {
                // the unit already stopped
            }
        }
    }

    /**
     * Write the unit {@code etc/units/UNIT}, which the systemctl stand-in starts: in the checkout, with {@code env}
     * exported and {@code prelude} run first, it execs the sample's {@code main} with the test class path.
     */
    private void unit(String unit, Map<String, String> env, String prelude, String mainAndArgs) throws IOException {
        StringBuilder script = new StringBuilder("#!/bin/sh\ncd '" + root.resolve("air-demand") + "'\n");
        env.forEach((name, value) -> script.append("export ").append(name).append("='").append(value).append("'\n"));
        script.append(prelude).append("exec ").append(HostScripts.java()).append(" -Xmx96m -XX:TieredStopAtLevel=1 ")
                .append("-Dairdemand.host=").append(hostName).append(" '-Dairdemand.root=").append(root)
                .append("' -cp '").append(System.getProperty("java.class.path")).append("' ").append(mainAndArgs)
                .append('\n');
        HostScripts.script(root.resolve("etc/units/" + unit), script.toString());
    }

    private void systemctl(String action, String unit) throws IOException, InterruptedException {
        HostScripts.run(root, root.resolve("usr/bin/systemctl") + " " + action + " " + unit);
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the sample API on host [" + hostName + "] did not answer /health within 60 s");
    }

    private void runMonitor() throws IOException, InterruptedException {
        Process monitor = new ProcessBuilder(root.resolve("air-demand/scripts/monitor_health.sh").toString())
                .redirectErrorStream(true).start();
        if (!monitor.waitFor(20, TimeUnit.SECONDS)) {
            monitor.destroyForcibly();
            throw new IllegalStateException("monitor_health.sh did not finish within 20 s");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
