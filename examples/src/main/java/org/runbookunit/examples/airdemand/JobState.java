package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * Keep the scheduler's record of its jobs in {@code state/jobs.json}, the file {@code check_health} reads: the clock,
 * the schedule, the last scrape and digest, and the alerts raised. Each write replaces the file atomically.
 */
final class JobState {

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectNode root = mapper.createObjectNode();

    JobState(Path file, JobClock clock, List<Integer> scrapeHours, int digestHour) {
        this.file = file;
        root.putObject("clock").put("start", clock.start().toString()).put("real_start", clock.realStart().toString())
                .put("speed", clock.speed());
        scrapeHours.forEach(root.putArray("scrape_hours")::add);
        root.put("digest_hour", digestHour);
        root.putObject("scrape").put("runs", 0).put("failures_in_a_row", 0);
        root.putObject("digest").put("runs", 0);
        root.putArray("alerts");
    }

    /** Record a scrape that stored {@code result}. */
    void scraped(Instant at, ScrapeJob.Result result) {
        ObjectNode scrape = (ObjectNode) root.get("scrape");
        scrape.put("runs", scrape.get("runs").intValue() + 1).put("failures_in_a_row", 0);
        scrape.putObject("last").put("at", at.toString()).put("trigger", "schedule").put("seen", result.seen())
                .put("new", result.added().size()).put("total", result.total()).put("errors", 0);
        write();
    }

    /** Record a failed scrape; return how many scrapes in a row have failed now. */
    int scrapeFailed(Instant at, String error) {
        ObjectNode scrape = (ObjectNode) root.get("scrape");
        int inARow = scrape.get("failures_in_a_row").intValue() + 1;
        scrape.put("runs", scrape.get("runs").intValue() + 1).put("failures_in_a_row", inARow);
        scrape.putObject("last").put("at", at.toString()).put("trigger", "schedule").put("errors", 1).put("error", error);
        write();
        return inARow;
    }

    /** Record a digest of {@code roles} new roles written to {@code outboxFile} for {@code recipient}. */
    void digested(Instant at, String recipient, int roles, Path outboxFile) {
        ObjectNode digest = (ObjectNode) root.get("digest");
        digest.put("runs", digest.get("runs").intValue() + 1);
        digest.putObject("last").put("at", at.toString()).put("recipient", recipient).put("roles", roles)
                .put("file", outboxFile.toString());
        write();
    }

    /** Record an alert, such as repeated scrape failures. */
    void alert(Instant at, String message) {
        root.withArray("alerts").addObject().put("at", at.toString()).put("message", message);
        write();
    }

    /** Write the record as it is now. */
    void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            mapper.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write the scheduler state " + file, cannotWrite);
        }
    }
}
