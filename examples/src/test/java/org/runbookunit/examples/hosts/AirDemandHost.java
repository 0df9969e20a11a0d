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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final List<Process> processes = new ArrayList<>();
    private SshHostService sshd;
    private int apiPort;

    AirDemandHost(String hostName, String endpointName, Path folder) {
        this.hostName = hostName;
        this.endpointName = endpointName;
        this.root = folder.toAbsolutePath().resolve("root");
    }

    @Override
    public String name() {
        return hostName + " (droplet)";
    }

    @Override
    public void start() throws Exception {
        for (String folder : List.of("run", "var/log/journal", "air-demand/state", "var/spool/cron")) {
            Files.createDirectories(root.resolve(folder));
        }
        HostScripts.write(root, root.resolve("usr/bin"));
        apiPort = freePort();
        HostScripts.monitorScript(root, apiPort);
        HostScripts.checkHealthScript(root, root.resolve(JOB_STATE));
        Files.writeString(root.resolve("air-demand/.env"), "APP_NAME=\"Air Demand Staging\"\nENVIRONMENT=staging\n"
                + "DATABASE_URL=postgresql+asyncpg://doadmin:rehearsal-db-pw-7c1e@db.staging.example:25060/defaultdb\n"
                + "MAILGUN_API_KEY=key-rehearsal-5b9d2f\nDIGEST_RECIPIENT=ops@airdemand.example\nSCRAPE_HOURS=5,17\n"
                + "DIGEST_HOUR=6\n");
        Files.writeString(root.resolve("var/spool/cron/crontab"), HEALTH_CRON + "\n");
        start(API, List.of(AirDemandService.class.getName(), "--port", Integer.toString(apiPort)),
                Map.of(AirDemandService.ADMIN_TOKEN_ENV, ADMIN_TOKEN));
        awaitHealthy();
        start(SCHEDULER, List.of(AirDemandScheduler.class.getName()), schedulerEnvironment());
        sshd = SshHostService.host(hostName).folder(root.getParent().resolve("sshd")).path(root.resolve("usr/bin"))
                .workingDirectory(root);
        sshd.start();
        runMonitor();
    }

    /**
     * Give the scheduler its jobs: the sample job board to scrape, the API to store roles through, the outbox, and a
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
        env.put("AIRDEMAND_API_URL", "http://127.0.0.1:" + apiPort);
        env.put(AirDemandService.ADMIN_TOKEN_ENV, ADMIN_TOKEN);
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
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
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
        processes.forEach(process -> {
            process.destroy();
            process.onExit().join();
        });
    }

    private void start(String unit, List<String> mainAndArgs, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(HostScripts.java(), "-Xmx96m", "-XX:TieredStopAtLevel=1",
                "-Dairdemand.host=" + hostName, "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("var/log/journal/" + unit + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        processes.add(process);
        Files.writeString(root.resolve("run/" + unit + ".pid"), Long.toString(process.pid()));
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
        if (!monitor.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
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
