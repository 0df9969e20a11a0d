package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.dashboard.Dashboard;
import org.runbookunit.db.BackupVerification;
import org.runbookunit.db.Database;
import org.runbookunit.db.Row;
import org.runbookunit.examples.hosts.JobSearchHostStack;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Destructive;
import org.runbookunit.junit.Manual;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Rehearsal;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.load.Load;
import org.runbookunit.load.Thresholds;
import org.runbookunit.logs.Logs;
import org.runbookunit.shell.CommandResult;
import org.runbookunit.shell.Shell;

/**
 * Seed 002: JobSearchAI's SQLite deployment on its production host {@code jobsearch}, the seed's ten steps, its
 * post-deployment checks, its success criteria and cleanup, and its rollback (restore the SQLite backup, verified).
 * The scripts are the system's own, run over SSH in {@code jobsearchai/}; the SQLite file is also read directly with
 * {@link Database}.
 */
@Runbook("jobsearchai deployment")
@Rehearsal(JobSearchHostStack.class)
class JobSearchDeployment {

    static final String HOST = "jobsearch";
    static final String UNIT = "jobsearchai";
    static final String APP = "cd jobsearchai && ";
    static final List<String> TABLES = List.of("job_matches", "cv_versions", "scrape_history");
    /** pgrep's pattern for the dashboard's process; the brackets keep it from matching the shell that runs pgrep. */
    static final String DASHBOARD_PROCESS = "\"$HOME/jobsearchai/[d]ashboard.py\"";
    static final List<String> INDEXES = List.of("idx_job_matches_url", "idx_job_matches_search_cv",
            "idx_job_matches_score", "idx_scrape_history_term");

    @Nested
    @Phase(order = 1, value = "Pre-deployment")
    class PreDeployment {

        @Step(order = 1, value = "Communication: deployment window announced, on-call briefed")
        @Manual("Notify stakeholders and users of the 15-30 minute deployment window, schedule the maintenance window "
                + "and brief the on-call team")
        void communication() {
        }

        @Step(order = 2, value = "Release gates: test suites, benchmark targets, load test")
        @Manual("In the CI run of the release commit: pytest tests/ and the integration tests green, API calls reduced "
                + ">= 90 % and pages scraped >= 70 % on a repeat run, load test completed")
        void gates() {
        }
    }

    @Nested
    @Phase(order = 2, value = "Step 1: Pre-deployment backup")
    class Backup {

        @Step(order = 1, value = "Backup created, listed, current, about the source's size, and verified: integrity "
                + "and every table's rows")
        void backup(Shell shell, Database db) {
            var host = shell.on(HOST);
            host.run(APP + "python3 scripts/backup_database.py").expectSuccess().expectOutputContains("Backup created");
            String backup = latestBackup(host.run(APP + "python3 scripts/backup_database.py --list").expectSuccess());
            host.checks().fileFresherThan("jobsearchai/" + backup, Duration.ofMinutes(10));
            long copy = size(shell, "jobsearchai/" + backup);
            long source = size(shell, "jobsearchai/instance/jobsearchai.db");
            assertThat(copy).as("backup size vs source").isBetween(source * 3 / 4, source * 5 / 4);
            host.run(APP + "python3 scripts/backup_database.py --verify " + backup).expectSuccess()
                    .expectOutputContains("Backup verified")
                    .expectOutputContains("  job_matches " + db.count("job_matches") + " rows");
        }
    }

    @Nested
    @Phase(order = 3, value = "Step 2: Stop running services")
    class Stop {

        @Step(order = 1, value = "jobsearchai stopped, no dashboard.py process left, dashboard unreachable")
        @Destructive
        void stop(Shell shell) {
            shell.on(HOST).run("systemctl stop " + UNIT).expectSuccess();
            shell.on(HOST).checks().serviceInactive(UNIT);
            shell.on(HOST).run("! pgrep -fl " + DASHBOARD_PROCESS).expectSuccess();
            shell.expectEndpointUnreachable("dashboard", Duration.ofSeconds(3));
        }
    }

    @Nested
    @Phase(order = 4, value = "Steps 3-4: Code and dependencies")
    class Code {

        @Step(order = 1, value = "Release commit checked out, no uncommitted changes, new files present, imports work "
                + "in the virtual environment")
        void imports(Shell shell) {
            shell.on(HOST).run(APP + "git log -1 --format='%H %s'").expectSuccess().expectOutputMatches("[0-9a-f]{40} .+");
            shell.on(HOST).run(APP + "git status --porcelain").expectSuccess().expectOutput("");
            shell.on(HOST).run(APP + "for f in init_db.py verify_schema.py dashboard.py scripts/backup_database.py "
                    + "scripts/migrate_json_to_sqlite.py scripts/validate_migration.py scripts/benchmark.py "
                    + "scripts/archive_json.py scripts/generate_cover_letter.py; "
                    + "do test -f $f || { echo missing $f; exit 1; }; done").expectSuccess();
            shell.on(HOST).run(APP + ". venv/bin/activate && python -c 'import sys, init_db, verify_schema, dashboard; "
                    + "print(\"imports ok in\", \"venv\" if sys.prefix != sys.base_prefix else \"the system python\")'")
                    .expectSuccess().expectOutput("imports ok in venv");
        }
    }

    @Nested
    @Phase(order = 5, value = "Step 5: Initialize database schema")
    class Schema {

        @Step(order = 1, value = "init_db.py and verify_schema.py: tables and indexes")
        @Destructive
        void initAndVerify(Shell shell) {
            shell.on(HOST).run(APP + "python3 init_db.py").expectSuccess().expectOutputContains("schema initialised");
            CommandResult verify = shell.on(HOST).run(APP + "python3 verify_schema.py").expectSuccess();
            TABLES.forEach(table -> verify.expectOutputContains("OK   table " + table));
            INDEXES.forEach(index -> verify.expectOutputContains("OK   index " + index));
        }

        @Step(order = 2, value = "SQLite file holds the three tables and their indexes")
        void inTheFile(Database db) {
            assertThat(db.tables()).containsAll(TABLES);
            assertThat(db.indexes("idx_%")).containsAll(INDEXES);
        }
    }

    @Nested
    @Phase(order = 6, value = "Step 6: Data migration")
    class Migration {

        @Step(order = 1, value = "Dry run: statistics shown, no errors")
        void dryRun(Shell shell, Database db) {
            long before = db.count("job_matches");
            CommandResult dryRun = shell.on(HOST).run(APP + "python3 scripts/migrate_json_to_sqlite.py --dry-run")
                    .expectSuccess().expectOutputContains("nothing is written");
            assertThat(statistic(dryRun, "Total migrated")).isPositive();
            assertThat(statistic(dryRun, "Duplicates skipped")).isNotNegative();
            assertThat(statistic(dryRun, "Errors")).isZero();
            assertThat(db.count("job_matches")).as("rows after a dry run").isEqualTo(before);
        }

        @Step(order = 2, value = "Interactive migration with its metadata")
        @Manual("Run 'python3 scripts/migrate_json_to_sqlite.py' in jobsearchai/, answer its prompts for each JSON file "
                + "(search term used, CV path), and check its statistics: total migrated, duplicates skipped, errors 0")
        void migrate() {
        }
    }

    @Nested
    @Phase(order = 7, value = "Step 7: Validate migration")
    class Validation {

        @Step(order = 1, value = "validate_migration.py exits 0, report without critical issues")
        void validate(Shell shell) {
            shell.on(HOST).run(APP + "python3 scripts/validate_migration.py --report").expectExitCode(0)
                    .expectOutputContains("Validation passed");
        }

        @Step(order = 2, value = "Record counts add up, SQLite integrity ok")
        void counts(Database db) {
            assertThat(db.query("PRAGMA integrity_check").value()).isEqualTo("ok");
            long migrated = db.query("SELECT COALESCE(SUM(jobs_new), 0) AS n FROM scrape_history").single().number("n");
            assertThat(db.count("job_matches")).as("job matches vs new jobs recorded per file").isEqualTo(migrated)
                    .isPositive();
        }
    }

    @Nested
    @Phase(order = 8, value = "Step 8: Performance benchmarks")
    class Benchmarks {

        @Step(order = 1, value = "Every query < 100 ms (P95), results saved", severity = Severity.MAJOR)
        void benchmark(Shell shell, Database db) {
            CommandResult run = shell.on(HOST).run(APP + "python3 scripts/benchmark.py --output benchmarks/prod_initial_"
                    + LocalDate.now().toString().replace("-", "") + ".json").expectExitCode(0)
                    .expectOutputContains("Results saved");
            assertThat(number(run, "P95 max: ([0-9.]+) ms")).as("benchmark.py P95 max (ms)").isLessThan(100.0);
            assertThat((long) number(run, "Records job_matches: (\\d+)")).isEqualTo(db.count("job_matches"));
            assertThat(db.queryLatency("SELECT id, title FROM job_matches WHERE search_term = 'data engineer' "
                    + "ORDER BY match_score DESC LIMIT 50", 100).p95()).isLessThan(Duration.ofMillis(100));
        }
    }

    @Nested
    @Phase(order = 9, value = "Step 9: Restart services")
    class Restart {

        @Step(order = 1, value = "jobsearchai started, no errors in its log")
        @Destructive
        void start(Shell shell, Logs logs, Http http) {
            shell.on(HOST).run("systemctl start " + UNIT).expectSuccess();
            shell.on(HOST).checks().serviceActive(UNIT);
            http.get("dashboard", "/health").expectStatus(200).expectJson("database", "ok");
            logs.journal(HOST, UNIT).since(Duration.ofHours(1)).expectNo("ERROR|Traceback");
        }
    }

    @Nested
    @Phase(order = 10, value = "Step 10: Smoke tests")
    class Smoke {

        @Step(order = 1, value = "Dashboard loads, its database queries work")
        void dashboard(Http http, Database db) {
            http.get("dashboard", "/").expectStatus(200).expectBodyContains("JobSearchAI Dashboard")
                    .expectBodyContains(db.count("job_matches") + " job matches");
        }

        @Step(order = 2, value = "Login page, authentication, routes, job details and filtering")
        void routes(Http http, Shell shell) {
            http.get("dashboard", "/login").expectStatus(200).expectBodyContains("<form");
            http.post("dashboard", "/login", Map.of("username", "admin", "password", "wrong")).expectStatus(401);
            http.get("dashboard", "/matches").expectStatus(401);
            Http user = loggedIn(http, shell);
            List<Integer> scores = user.get("dashboard", "/matches?min_score=90").expectStatus(200).json("matches.match_score");
            assertThat(scores).isNotEmpty().allSatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(90));
            int id = user.get("dashboard", "/matches?limit=1").expectStatus(200).json("matches[0].id");
            user.get("dashboard", "/matches/" + id).expectStatus(200).expectJson("id", id);
        }

        @Step(order = 3, value = "Job matching workflow: test scrape, deduplication, early exit")
        @Manual("Run a small test scrape, run it again: no duplicate job matches on the re-run, and the scraper exits "
                + "early once it reaches known jobs")
        void scrape() {
        }

        @Step(order = 4, value = "System B: the JSON fallback serves every stored job match from the JSON files")
        void jsonFallback(Http http, Shell shell, Database db) {
            Http user = loggedIn(http, shell);
            int stored = (int) db.count("job_matches");
            user.get("dashboard", "/matches?limit=" + stored).expectStatus(200).expectJson("source", "sqlite")
                    .expectJson("count", stored);
            List<String> fallback = user.get("dashboard", "/matches?source=json&limit=100000").expectStatus(200)
                    .expectJson("source", "json").json("matches.job_url");
            assertThat(fallback).as("job URLs the JSON fallback serves").doesNotHaveDuplicates()
                    .containsAll(db.query("SELECT job_url FROM job_matches").column("job_url").stream()
                            .map(String::valueOf).toList());
        }

        @Step(order = 5, value = "Dashboard page: no console errors, its database status shown")
        void noConsoleErrors(Dashboard dashboard) {
            dashboard.open("dashboard", "/").expectText("database: ok").expectNoConsoleErrors()
                    .expectNoFailedRequests();
        }
    }

    @Nested
    @Phase(order = 11, value = "Post-deployment verification")
    class PostDeployment {

        @Step(order = 1, value = "No errors in dashboard.log, response times normal, database < 1 GB, memory < 256 MB")
        void firstHour(Shell shell, Http http) {
            shell.on(HOST).run("! grep -E 'ERROR|Traceback' jobsearchai/logs/dashboard.log").expectSuccess();
            http.get("dashboard", "/health").expectStatus(200).expectFasterThan(Duration.ofMillis(500));
            assertThat(size(shell, "jobsearchai/instance/jobsearchai.db")).isLessThan(1L << 30);
            String pid = "$(pgrep -f \"$HOME/jobsearchai/dashboard.py\" | head -1)";
            long rssKb = Long.parseLong(shell.on(HOST).run("ps -o rss= -p \"" + pid + "\"").expectSuccess().output()
                    .strip());
            assertThat(rssKb).as("dashboard.py resident memory (KiB)").isLessThan(256 * 1024);
        }

        @Step(order = 2, value = "Rollback triggers clear: error rate < 5 %, throughput not down by half since "
                + "the last run", severity = Severity.MAJOR)
        @Destructive // load on production: refused where the environment is read-only
        void rollbackTriggers(Load load) {
            load.probe("dashboard health", "dashboard", "/health").virtualUsers(4).duration(Duration.ofMinutes(5))
                    .maxRequests(20_000)
                    .expect(Thresholds.none().errorRateBelow(0.05).throughputAtLeastPreviousRun(0.5)).run();
        }

        @Step(order = 3, value = "Document generation: a cover letter for the best match")
        void documentGeneration(Shell shell, Database db) {
            Row best = db.query("SELECT id, title, company FROM job_matches ORDER BY match_score DESC, id LIMIT 1")
                    .single();
            String letter = "jobsearchai/documents/cover_letter_" + best.number("id") + ".md";
            shell.on(HOST).run(APP + "python3 scripts/generate_cover_letter.py " + best.number("id")).expectSuccess()
                    .expectOutputContains("Document generated");
            shell.on(HOST).checks().fileFresherThan(letter, Duration.ofMinutes(5));
            shell.on(HOST).run("cat " + letter).expectSuccess().expectOutputContains(best.text("title") + " at "
                    + best.text("company"));
        }
    }

    @Nested
    @Phase(order = 12, value = "Monitoring")
    class Monitoring {

        @Step(order = 1, value = "First hour, first day, first week watched")
        @Manual("Watch the first hour, the first 24 hours and the first week: error rate < 1 %, no memory growth, system "
                + "resources, query P95 < 100 ms, database file growth, connection pool, lock waits, throughput, "
                + "duplicate skip rate, API calls per scrape, new vs duplicate jobs, API calls -90 % and pages "
                + "scraped -70 % on repeat runs, performance stable, backward compatible")
        void watched() {
        }

        @Step(order = 2, value = "Alerts configured")
        @Manual("Set up the alerts: database file > 1 GB, query P95 > 100 ms, error rate > 5 %, API call count "
                + "anomalies, database locked errors, disk space < 10 %")
        void alerts() {
        }
    }

    @Nested
    @Phase(order = 13, value = "Success criteria")
    class SuccessCriteria {

        @Step(order = 1, value = "Deployment signed off: every step completed without errors")
        @Manual("Review this report: every deployment step (phases 2-11) PASSED, none FAILED, BLOCKED or left PENDING, "
                + "and the smoke tests passed; then sign off the deployment")
        void signedOff() {
        }
    }

    @Nested
    @Phase(order = 14, value = "Post-deployment tasks: cleanup")
    class Cleanup {

        @Step(order = 1, value = "Migrated JSON files archived, read back; files not migrated yet kept")
        @Destructive
        void archiveJson(Shell shell, Database db) {
            var host = shell.on(HOST);
            List<String> migrated = db.query("SELECT source_file FROM scrape_history").column("source_file").stream()
                    .map(String::valueOf).toList();
            List<String> before = host.run(APP + "ls job_matches").expectSuccess().outputLines();
            List<String> archivable = before.stream().filter(migrated::contains).toList();
            CommandResult run = host.run(APP + "python3 scripts/archive_json.py").expectSuccess();
            assertThat(host.run(APP + "ls job_matches").expectSuccess().outputLines()).as("JSON files left")
                    .containsExactlyInAnyOrderElementsOf(before.stream().filter(file -> !archivable.contains(file))
                            .toList());
            if (archivable.isEmpty()) {
                run.expectOutputContains("No migrated JSON files to archive");
                return;
            }
            String output = run.expectOutputContains("Archived " + archivable.size() + " JSON files").output();
            String archive = output.substring(output.indexOf("archive/")).strip();
            assertThat(host.run(APP + "tar -tzf " + archive).expectSuccess().outputLines()).as("files in " + archive)
                    .containsExactlyInAnyOrderElementsOf(archivable);
        }

        @Step(order = 2, value = "Old backups cleaned up by backup_database.py: the newest 7 kept, today's among them")
        void oldBackups(Shell shell) {
            CommandResult list = shell.on(HOST).run(APP + "python3 scripts/backup_database.py --list").expectSuccess();
            List<String> backups = list.outputLines().stream().filter(line -> line.startsWith("backups/")).toList();
            assertThat(backups).as("backups kept").hasSizeBetween(1, 7);
            assertThat(latestBackup(list)).contains(LocalDate.now().toString().replace("-", ""));
        }

        @Step(order = 3, value = "Temporary files cleaned up")
        @Destructive
        void temporaryFiles(Shell shell) {
            var host = shell.on(HOST);
            host.run(APP + "mkdir -p tmp && find tmp -type f | wc -l").expectSuccess(); // how many, as evidence
            host.run(APP + "find tmp -mindepth 1 -delete").expectSuccess();
            host.run(APP + "find tmp -mindepth 1").expectSuccess().expectOutput("");
        }
    }

    @Nested
    @Phase(order = 99, value = "Rollback", onFailureOnly = true)
    @Destructive
    class Rollback {

        @Step(order = 1, value = "Stop the services")
        void stop(Shell shell) {
            shell.on(HOST).run("systemctl stop " + UNIT).expectSuccess();
            shell.on(HOST).checks().serviceInactive(UNIT);
        }

        @Step(order = 2, value = "Restore the database from the latest backup, verified")
        void restore(Shell shell, Database db) {
            String backup = latestBackup(shell.on(HOST).run(APP + "python3 scripts/backup_database.py --list")
                    .expectSuccess());
            Path database = Path.of(db.settings().url().substring("jdbc:sqlite:".length()));
            BackupVerification restored = db.restoreFrom(database.getParent().getParent().resolve(backup));
            assertThat(restored.differences()).isEmpty();
            shell.on(HOST).run(APP + "python3 scripts/validate_migration.py").expectExitCode(0);
        }

        @Step(order = 3, value = "Revert the code to the previous commit")
        void revert(Shell shell) {
            String release = shell.on(HOST).run(APP + "git rev-parse HEAD").expectSuccess().output().strip();
            shell.on(HOST).run(APP + "git checkout -q HEAD~1").expectSuccess();
            assertThat(shell.on(HOST).run(APP + "git rev-parse HEAD").expectSuccess().output().strip())
                    .as("commit after the revert").isNotEqualTo(release);
        }

        @Step(order = 4, value = "Restart; system accessible, database queries work, no errors in the log")
        void restart(Shell shell, Http http, Database db, Logs logs) {
            shell.on(HOST).run("systemctl start " + UNIT).expectSuccess();
            shell.on(HOST).checks().serviceActive(UNIT);
            http.get("dashboard", "/health").expectStatus(200).expectJson("job_matches",
                    (int) db.count("job_matches"));
            logs.journal(HOST, UNIT).since(Duration.ofMinutes(5)).expectNo("ERROR|Traceback");
        }

        @Step(order = 5, value = "Notify stakeholders of the rollback")
        @Manual("Tell stakeholders the deployment was rolled back, with the failed step from this report")
        void notifyStakeholders() {
        }
    }

    private static Http loggedIn(Http http, Shell shell) {
        String password = shell.on(HOST).checks().readEnv("jobsearchai/.env", "JOBSEARCHAI_ADMIN_PASSWORD")
                .get("JOBSEARCHAI_ADMIN_PASSWORD");
        return http.withBearerToken(http.post("dashboard", "/login", Map.of("username", "admin", "password", password))
                .expectStatus(200).json("token"));
    }

    private static String latestBackup(CommandResult list) {
        return list.outputLines().stream().filter(line -> line.startsWith("backups/jobsearchai_backup_"))
                .map(line -> line.split(" ")[0]).max(String::compareTo)
                .orElseThrow(() -> new AssertionError("backup_database.py --list shows no backup: " + list.output()));
    }

    private static long size(Shell shell, String path) {
        return Long.parseLong(shell.on(HOST).run("stat -c %s " + path).expectSuccess().output().strip());
    }

    private static long statistic(CommandResult run, String name) {
        return (long) number(run, "  " + name + ": (\\d+)");
    }

    private static double number(CommandResult run, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(run.output());
        if (!matcher.find()) {
            throw new AssertionError("[" + run.command() + "] printed no [" + regex + "]: " + run.output());
        }
        return Double.parseDouble(matcher.group(1));
    }
}
