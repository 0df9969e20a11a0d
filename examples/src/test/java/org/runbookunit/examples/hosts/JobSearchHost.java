package org.runbookunit.examples.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.config.HostSettings;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.SshHostService;

/**
 * Rehearse seed 002's JobSearchAI production machine: a real sshd on loopback whose sessions start in the host's root,
 * where {@code jobsearchai/} holds the sample system (examples' {@code jobsearchai/} resources: Python scripts, its
 * SQLite database {@code instance/jobsearchai.db}, its JSON job files) and unit {@code jobsearchai} runs
 * {@code dashboard.py} with the Python of its virtual environment {@code venv/}. Production state before the
 * deployment: two JSON files migrated (by the sample's own {@code init_db.py} and migration, answering its prompts), a
 * third scraped since and not migrated yet, and eight nightly backups from October 2025.
 */
final class JobSearchHost implements RehearsalService {

    static final String UNIT = "jobsearchai";
    static final List<String> FILES = List.of("init_db.py", "verify_schema.py", "dashboard.py",
            "scripts/backup_database.py", "scripts/migrate_json_to_sqlite.py", "scripts/validate_migration.py",
            "scripts/benchmark.py", "scripts/archive_json.py", "scripts/generate_cover_letter.py",
            "job_matches/job_matches_20251020_093000.json",
            "job_matches/job_matches_20251027_093000.json", "job_matches/job_matches_20251102_093000.json",
            "tests/test_smoke.py");
    private static final String NEW_SCRAPE = "job_matches/job_matches_20251102_093000.json";
    /** Nightly backups from before the deployment, one more than backup_database.py keeps (7). */
    private static final int OLD_BACKUPS = 8;

    private static final String COMMIT = "git -c user.name=JobSearchAI -c user.email=dev@jobsearchai.example "
            + "commit -qm ";

    private final String hostName;
    private final Path root;
    private final Path app;
    private SshHostService sshd;
    private int port;

    JobSearchHost(String hostName, Path folder) {
        this.hostName = hostName;
        this.root = folder.toAbsolutePath().resolve("root");
        this.app = root.resolve("jobsearchai");
    }

    @Override
    public String name() {
        return hostName + " (JobSearchAI host)";
    }

    @Override
    public void start() throws Exception {
        for (String folder : List.of("run", "var/log/journal", "etc/units")) {
            Files.createDirectories(root.resolve(folder));
        }
        for (String file : FILES) {
            copy(file);
        }
        HostScripts.write(root, root.resolve("usr/bin"));
        port = freePort();
        Files.writeString(app.resolve(".env"), "JOBSEARCHAI_ADMIN_PASSWORD=rehearsal-"
                + Long.toHexString(Double.doubleToLongBits(Math.random())) + "\n");
        run("python3 -m venv --without-pip venv", "");
        HostScripts.script(root.resolve("etc/units/" + UNIT), "#!/bin/sh\ncd " + app + " && exec "
                + app.resolve("venv/bin/python") + " " + app.resolve("dashboard.py") + " --port " + port + "\n");
        HostScripts.script(root.resolve("etc/units/" + UNIT + ".ready"), "#!/bin/sh\nexec curl -fsS --max-time 1 -o "
                + "/dev/null http://127.0.0.1:" + port + "/health\n");
        Path pending = Files.move(app.resolve(NEW_SCRAPE), root.resolve("new-scrape.json"));
        run("python3 init_db.py", "");
        run("python3 scripts/migrate_json_to_sqlite.py", "data engineer\ncv/cv_2025.pdf\ndata engineer\ncv/cv_2025.pdf\n");
        Files.move(pending, app.resolve(NEW_SCRAPE));
        nightlyBackups();
        Files.writeString(app.resolve(".gitignore"), String.join("\n", ".env", "instance/", "backups/", "logs/",
                "benchmarks/", "__pycache__/", "venv/", "tmp/", "archive/", "documents/", ""));
        run("git init -q && git add -A && " + COMMIT + "'Epic 2: SQLite deduplication and integration'", "");
        run(root.resolve("usr/bin/systemctl") + " start " + UNIT, "");
        awaitHealthy();
        sshd = SshHostService.host(hostName).folder(root.getParent().resolve("sshd")).path(root.resolve("usr/bin"))
                .workingDirectory(root);
        sshd.start();
    }

    /** Ship a faulty release: its schema upgrade loses every tenth job match, so the migration no longer validates. */
    void shipReleaseLosingRows() throws IOException, InterruptedException {
        Files.writeString(app.resolve("init_db.py"), Files.readString(app.resolve("init_db.py")).replace(
                "connection.executescript(SCHEMA)", "connection.executescript(SCHEMA + "
                        + "\"DELETE FROM job_matches WHERE id % 10 = 0;\")"));
        run("git add -A && " + COMMIT + "'Epic 2: schema upgrade'", "");
    }

    Path app() {
        return app;
    }

    @Override
    public Map<String, URI> endpoints() {
        return Map.of("dashboard", URI.create("http://127.0.0.1:" + port));
    }

    @Override
    public Optional<DatabaseSettings> database() {
        return Optional.of(new DatabaseSettings("jdbc:sqlite:" + app.resolve("instance/jobsearchai.db"), null, null));
    }

    @Override
    public Map<String, HostSettings> hosts() {
        return Map.of(hostName, sshd.settings());
    }

    @Override
    public String logs() {
        try {
            Path log = root.resolve("var/log/journal/" + UNIT + ".log");
            return (Files.exists(log) ? Files.readString(log) : "(no output)") + (sshd == null ? "" : sshd.logs());
        } catch (IOException unreadable) {
            return "cannot read the logs: " + unreadable.getMessage();
        }
    }

    @Override
    public void close() {
        if (sshd != null) {
            sshd.close();
        }
        try {
            run(root.resolve("usr/bin/systemctl") + " stop " + UNIT, "");
        } catch (IOException | InterruptedException | IllegalStateException stopped) {
            // the dashboard is already gone
        }
    }

    private void nightlyBackups() throws IOException {
        Path backups = Files.createDirectories(app.resolve("backups"));
        for (int night = 1; night <= OLD_BACKUPS; night++) {
            Files.copy(app.resolve("instance/jobsearchai.db"), backups.resolve(String.format(
                    "jobsearchai_backup_202510%02d_020000.db", 20 + night)));
        }
    }

    private void copy(String file) throws IOException {
        Path target = app.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = JobSearchHost.class.getResourceAsStream("/jobsearchai/" + file)) {
            if (in == null) {
                throw new IllegalStateException("resource [jobsearchai/" + file + "] is missing from the examples jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void run(String command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).directory(app.toFile()).redirectErrorStream(true)
                .start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("[" + command + "] did not finish within 20 s on host [" + hostName + "]");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("[" + command + "] exited " + process.exitValue() + " on host [" + hostName
                    + "]: " + output);
        }
    }

    private void awaitHealthy() throws InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
                .build();
        java.net.http.HttpRequest health = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(health, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("dashboard.py on host [" + hostName + "] did not answer /health within 20 s: "
                + logs());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
