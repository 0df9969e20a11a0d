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

/**
 * Run a sample of air-demand's scheduler (APScheduler in the real service): log a {@code job_scheduled} line per
 * scrape hour and the daily digest, as {@code journalctl -u air-demand-scheduler | grep job_scheduled} shows them, then
 * touch a heartbeat file every few seconds until killed.
 *
 * <p>Environment: {@code SCRAPE_HOURS} (default {@code 5,17}), {@code DIGEST_HOUR} (default {@code 6}),
 * {@code AIRDEMAND_HEARTBEAT} (a file; none when unset), {@code AIRDEMAND_SCHEDULER_FAULT=supply-db} to fail at
 * start like seed 000's "SUPPLY_DATABASE_URL environment variable not set".
 */
public final class AirDemandScheduler {

    private static final long HEARTBEAT_MILLIS = 2000;

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
        log("INFO", "apscheduler.scheduler", "Scheduler started");
        String heartbeat = System.getenv("AIRDEMAND_HEARTBEAT");
        while (true) {
            if (heartbeat != null) {
                beat(Path.of(heartbeat));
            }
            Thread.sleep(HEARTBEAT_MILLIS);
        }
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

    private static void log(String level, String logger, String message) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + logger + ": " + message);
        System.out.flush();
    }
}
