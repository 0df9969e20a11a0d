package org.runbookunit.examples.airdemand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Run a sample of air-demand's scheduler (APScheduler in the real service): log a {@code job_scheduled} line per
 * scrape hour and the daily digest, as {@code journalctl -u air-demand-scheduler | grep job_scheduled} shows them, then
 * touch a heartbeat file every few seconds until killed. With {@code AIRDEMAND_STATE} set it also runs the jobs
 * ({@link SchedulerJobs}): it scrapes the sample job board at each scrape hour, stores the new roles in the database,
 * writes the daily digest to the outbox and records each run in the state file {@link AirDemandCheckHealth} reads.
 *
 * <p>Environment: {@code SCRAPE_HOURS} (default {@code 5,17}), {@code DIGEST_HOUR} (default {@code 6}),
 * {@code AIRDEMAND_HEARTBEAT} (a file; none when unset), {@code AIRDEMAND_SCHEDULER_FAULT=supply-db} to fail at
 * start like seed 000's "SUPPLY_DATABASE_URL environment variable not set"; for the jobs {@code AIRDEMAND_STATE},
 * {@code AIRDEMAND_LISTING} (the board, see {@link SampleListing}), the API's
 * {@code AIRDEMAND_DATABASE_URL}, {@code _USER} and {@code _PASSWORD}, {@code AIRDEMAND_OUTBOX}, {@code DIGEST_RECIPIENT}, and the clock of {@link JobClock}.
 */
public final class AirDemandScheduler {

    private static final long HEARTBEAT_MILLIS = 2000;
    private static final long TICK_MILLIS = 100;

    private AirDemandScheduler() {
    }

    /** Schedule the jobs, log them and beat until the process is killed. */
    public static void main(String[] args) throws InterruptedException {
        if ("supply-db".equals(System.getenv("AIRDEMAND_SCHEDULER_FAULT"))) {
            log("ERROR", "app.demand.scheduler", "SUPPLY_DATABASE_URL environment variable not set");
            System.exit(1);
        }
        List<Integer> scrapeHours = hours(System.getenv().getOrDefault("SCRAPE_HOURS", "5,17"));
        int digestHour = Integer.parseInt(System.getenv().getOrDefault("DIGEST_HOUR", "6").trim());
        for (int hour : scrapeHours) {
            log("INFO", "app.demand.scheduler", "job_scheduled id=scrape_" + hour + " trigger=cron[hour='" + hour
                    + "', minute='0'] timezone=UTC");
        }
        log("INFO", "app.demand.scheduler", "job_scheduled id=daily_digest trigger=cron[hour='" + digestHour
                + "', minute='0'] timezone=UTC");
        SchedulerJobs jobs = jobs(System.getenv(), scrapeHours, digestHour);
        log("INFO", "apscheduler.scheduler", "Scheduler started");
        String heartbeat = System.getenv("AIRDEMAND_HEARTBEAT");
        long nextBeat = 0;
        while (true) {
            if (heartbeat != null && System.currentTimeMillis() >= nextBeat) {
                beat(Path.of(heartbeat));
                nextBeat = System.currentTimeMillis() + HEARTBEAT_MILLIS;
            }
            if (jobs != null) {
                jobs.tick();
            }
            Thread.sleep(jobs == null ? HEARTBEAT_MILLIS : TICK_MILLIS);
        }
    }

    private static SchedulerJobs jobs(Map<String, String> env, List<Integer> scrapeHours, int digestHour) {
        String stateFile = env.get("AIRDEMAND_STATE");
        if (stateFile == null || stateFile.isBlank()) {
            return null;
        }
        JobClock clock = JobClock.fromEnvironment(env);
        ScrapeJob scrape = new ScrapeJob(Path.of(required(env, "AIRDEMAND_LISTING")), new PostgresRoleStore(
                required(env, AirDemandService.DATABASE_URL_ENV), required(env, "AIRDEMAND_DATABASE_USER"),
                required(env, "AIRDEMAND_DATABASE_PASSWORD")));
        JobState state = new JobState(Path.of(stateFile), clock, scrapeHours, digestHour);
        return new SchedulerJobs(clock, scrapeHours, digestHour, scrape, state, Path.of(required(env, "AIRDEMAND_OUTBOX")),
                required(env, "DIGEST_RECIPIENT"), (level, message) -> log(level, "app.demand.scheduler", message));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set; the scheduler's jobs need it with AIRDEMAND_STATE");
        }
        return value;
    }

    private static List<Integer> hours(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static void beat(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot touch the heartbeat file " + file, cannotWrite);
        }
    }

    private static synchronized void log(String level, String logger, String message) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + logger + ": " + message);
        System.out.flush();
    }
}
