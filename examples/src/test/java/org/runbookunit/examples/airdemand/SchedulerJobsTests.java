package org.runbookunit.examples.airdemand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sample scheduler's jobs with the store a real sample API lists from: scrapes at their hours store the newly
 * posted roles (the API then counts them), the digest lists them in the outbox, failures raise an alert, and the state
 * file records it all.
 */
class SchedulerJobsTests {

    private static final Instant START = Instant.parse("2026-12-01T04:59:00Z");

    private final Path folder = Path.of("target", "scheduler-jobs", UUID.randomUUID().toString()).toAbsolutePath();
    private final InMemoryRoleStore database = new InMemoryRoleStore();
    private final AirDemandService api = AirDemandService.start(0, database);
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aDayOfJobsScrapesTwiceAndSendsOneDigestWithTheNewRoles() throws Exception {
        SampleListing.write(folder.resolve("listing.tsv"), 747, 20, START, Duration.ofMinutes(90));
        SchedulerJobs jobs = jobs(new JobClock(START, Instant.now(), 100_000));

        awaitClockPast(jobs, Duration.ofHours(18));

        JsonNode state = state();
        assertThat(state.at("/scrape/runs").asInt()).isEqualTo(2);
        assertThat(state.at("/scrape/last/at").asText()).isEqualTo("2026-12-01T17:00:00Z");
        assertThat(state.at("/scrape/last/new").asInt()).isEqualTo(8); // posted 05:00 < t <= 17:00, one every 90 min
        assertThat(state.at("/scrape/last/total").asInt()).isEqualTo(747 + 9);
        assertThat(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                api.baseUri().resolve("/demand/roles?limit=1")).timeout(Duration.ofSeconds(5)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("\"total\":756");
        assertThat(state.at("/digest/last/at").asText()).isEqualTo("2026-12-01T06:00:00Z");
        assertThat(state.at("/digest/last/roles").asInt()).isEqualTo(1);
        assertThat(Files.readString(folder.resolve("outbox/digest-2026-12-01.txt"))).startsWith("To: ops@airdemand.example\n")
                .contains("Subject: Air Demand daily digest 2026-12-01: 1 new roles", "- #748 ");
        assertThat(state.get("alerts")).isEmpty();
        assertThat(log).anyMatch(line -> line.startsWith("INFO job_executed id=scrape_17 ") && line.contains("new_roles=8"));
    }

    @Test
    void twoFailedScrapesInARowRaiseAnAlert() throws Exception {
        SchedulerJobs jobs = jobs(new JobClock(START, Instant.now(), 100_000)); // no listing written: the board is gone

        awaitClockPast(jobs, Duration.ofHours(18));

        JsonNode state = state();
        assertThat(state.at("/scrape/failures_in_a_row").asInt()).isEqualTo(2);
        assertThat(state.at("/scrape/last/error").asText()).startsWith("cannot read the job board listing");
        assertThat(state.at("/alerts/0/message").asText()).isEqualTo("scraper failed 2 consecutive runs");
        assertThat(log).anyMatch(line -> line.startsWith("ERROR job_failed id=scrape_5 "));
    }

    @Test
    void aClockSlowerThanRealTimeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JobClock(START, Instant.now(), 0.5))
                .hasMessage("AIRDEMAND_CLOCK_SPEED must be between 1 and 100000 but was [0.5]");
    }

    private SchedulerJobs jobs(JobClock clock) {
        JobState state = new JobState(folder.resolve("jobs.json"), clock, List.of(5, 17), 6);
        ScrapeJob scrape = new ScrapeJob(folder.resolve("listing.tsv"), database);
        return new SchedulerJobs(clock, List.of(5, 17), 6, scrape, state, folder.resolve("outbox"), "ops@airdemand.example",
                (level, message) -> log.add(level + " " + message));
    }

    /** Tick until the clock is {@code past} beyond its start (18 h: 05:00 and 17:00 scrapes, the 06:00 digest). */
    private static void awaitClockPast(SchedulerJobs jobs, Duration past) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Instant until = START.plus(past);
        while (System.nanoTime() < deadline) {
            jobs.tick();
            if (jobs.now().isAfter(until)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the job clock did not pass " + until + " within 10 s");
    }

    private JsonNode state() throws Exception {
        return new ObjectMapper().readTree(folder.resolve("jobs.json").toFile());
    }
}
