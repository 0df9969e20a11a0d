package org.runbookunit.examples.airdemand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Run the scheduler's jobs when its clock passes their hour, like APScheduler's cron triggers: a scrape at each of
 * {@code SCRAPE_HOURS}, the daily digest at {@code DIGEST_HOUR}. The digest lists the roles scraped since the last one
 * and is written to the outbox folder, never e-mailed. Two failed scrapes in a row raise an alert.
 */
final class SchedulerJobs {

    private static final int FAILURES_BEFORE_ALERT = 2;

    private final JobClock clock;
    private final List<Integer> scrapeHours;
    private final int digestHour;
    private final ScrapeJob scrape;
    private final JobState state;
    private final Path outbox;
    private final String recipient;
    private final BiConsumer<String, String> log;
    private final List<Role> sinceLastDigest = new ArrayList<>();
    private Instant lastTick;

    SchedulerJobs(JobClock clock, List<Integer> scrapeHours, int digestHour, ScrapeJob scrape, JobState state, Path outbox,
            String recipient, BiConsumer<String, String> log) {
        this.clock = clock;
        this.scrapeHours = List.copyOf(scrapeHours);
        this.digestHour = digestHour;
        this.scrape = scrape;
        this.state = state;
        this.outbox = outbox;
        this.recipient = recipient;
        this.log = log;
        this.lastTick = clock.start();
        state.write();
    }

    /** Return the scheduler's time now. */
    Instant now() {
        return clock.now();
    }

    /** Run every job whose hour the clock passed since the last tick, oldest first. */
    void tick() {
        Instant now = clock.now();
        for (Instant hour = lastTick.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS); !hour.isAfter(now);
                hour = hour.plus(1, ChronoUnit.HOURS)) {
            int of = hour.atOffset(ZoneOffset.UTC).getHour();
            if (scrapeHours.contains(of)) {
                scrape(hour, of);
            }
            if (of == digestHour) {
                digest(hour);
            }
        }
        lastTick = now;
    }

    private void scrape(Instant at, int hour) {
        try {
            ScrapeJob.Result result = scrape.run(at);
            sinceLastDigest.addAll(result.added());
            state.scraped(at, result);
            log.accept("INFO", "job_executed id=scrape_" + hour + " at=" + at + " roles_seen=" + result.seen()
                    + " new_roles=" + result.added().size() + " total=" + result.total() + " errors=0");
        } catch (RuntimeException failure) {
            String why = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            int inARow = state.scrapeFailed(at, why);
            log.accept("ERROR", "job_failed id=scrape_" + hour + " at=" + at + ": " + why);
            if (inARow >= FAILURES_BEFORE_ALERT) {
                state.alert(at, "scraper failed " + inARow + " consecutive runs");
                log.accept("ERROR", "alert: scraper failed " + inARow + " consecutive runs");
            }
        }
    }

    private void digest(Instant at) {
        String day = at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        long qualified = sinceLastDigest.stream().filter(Role::qualified).count();
        StringBuilder text = new StringBuilder("To: " + recipient + "\nDate: " + at + "\nSubject: Air Demand daily digest "
                + day + ": " + sinceLastDigest.size() + " new roles (" + qualified + " qualified)\n\n");
        sinceLastDigest.forEach(role -> text.append("- #").append(role.id()).append(' ').append(role.title())
                .append(" at ").append(role.company()).append(" (").append(role.location()).append(')')
                .append(role.qualified() ? " [qualified]" : "").append('\n'));
        Path file = outbox.resolve("digest-" + day + ".txt");
        try {
            Files.createDirectories(outbox);
            Files.writeString(file, text);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write the digest " + file, cannotWrite);
        }
        state.digested(at, recipient, sinceLastDigest.size(), file);
        log.accept("INFO", "job_executed id=daily_digest at=" + at + " roles=" + sinceLastDigest.size() + " outbox=" + file);
        sinceLastDigest.clear();
    }
}
