package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Report the scheduler's health as air-demand's {@code scripts/check_health.py} does: when the last scrape and the last
 * digest ran (by the scheduler's clock), what the scrape found, and the alerts raised; one {@code key=value} per line,
 * then {@code status=healthy}, or {@code status=unhealthy: …} and exit code 1 when the last scrape is older than 13 h
 * or failed, the last digest older than 25 h, or an alert was raised.
 *
 * <pre>{@code java ... AirDemandCheckHealth /root/air-demand/state/jobs.json}</pre>
 */
public final class AirDemandCheckHealth {

    private static final Duration SCRAPE_MAX_AGE = Duration.ofHours(13);
    private static final Duration DIGEST_MAX_AGE = Duration.ofHours(25);

    private AirDemandCheckHealth() {
    }

    /** Print the report for the state file {@code args[0]}; exit 1 when unhealthy, 2 when the file is unreadable. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: check_health STATE_FILE (the scheduler's state/jobs.json)");
            System.exit(64);
        }
        JsonNode state;
        try {
            state = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        } catch (IOException unreadable) {
            System.out.println("status=unhealthy: no scheduler state at " + args[0] + " (" + unreadable.getMessage() + ")");
            System.exit(2);
            return;
        }
        List<String> problems = report(state);
        System.out.println(problems.isEmpty() ? "status=healthy" : "status=unhealthy: " + String.join("; ", problems));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static List<String> report(JsonNode state) {
        JsonNode clock = state.get("clock");
        Duration real = Duration.between(Instant.parse(clock.get("real_start").asText()), Instant.now());
        Instant now = Instant.parse(clock.get("start").asText()).plusNanos((long) (real.toNanos() * clock.get("speed").asDouble()));
        System.out.println("scheduler_clock=" + now);
        List<String> problems = new ArrayList<>();
        JsonNode scrape = state.get("scrape");
        System.out.println("scrape.runs=" + scrape.get("runs").asInt());
        if (last(scrape, "scrape", now, SCRAPE_MAX_AGE, problems)) {
            JsonNode lastScrape = scrape.get("last");
            for (String key : List.of("trigger", "seen", "new", "total", "errors", "error")) {
                if (lastScrape.has(key)) {
                    System.out.println("scrape.last." + key + "=" + lastScrape.get(key).asText());
                }
            }
            if (lastScrape.get("errors").asInt() > 0) {
                problems.add("the last scrape failed: " + lastScrape.path("error").asText());
            }
        }
        JsonNode digest = state.get("digest");
        System.out.println("digest.runs=" + digest.get("runs").asInt());
        if (last(digest, "digest", now, DIGEST_MAX_AGE, problems)) {
            for (String key : List.of("recipient", "roles", "file")) {
                System.out.println("digest.last." + key + "=" + digest.get("last").get(key).asText());
            }
        }
        JsonNode alerts = state.get("alerts");
        System.out.println("alerts=" + alerts.size());
        alerts.forEach(alert -> problems.add("alert at " + alert.get("at").asText() + ": " + alert.get("message").asText()));
        return problems;
    }

    /** Print when the job last ran and how long ago; record a problem when it never ran or ran too long ago. */
    private static boolean last(JsonNode job, String name, Instant now, Duration maxAge, List<String> problems) {
        if (!job.has("last")) {
            problems.add("no " + name + " has run yet");
            return false;
        }
        Instant at = Instant.parse(job.get("last").get("at").asText());
        Duration age = Duration.between(at, now);
        System.out.println(name + ".last.at=" + at);
        System.out.println(name + ".last.hour=" + at.atOffset(ZoneOffset.UTC).getHour());
        System.out.println(name + ".last.age_hours=" + String.format(Locale.ROOT, "%.1f", age.toMinutes() / 60.0));
        if (age.compareTo(maxAge) > 0) {
            problems.add("the last " + name + " ran " + age.toHours() + " h ago, more than " + maxAge.toHours() + " h");
        }
        return true;
    }
}
