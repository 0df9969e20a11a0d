package org.runbookunit.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * Describe one scrape target as Prometheus's {@code /api/v1/targets} lists it.
 *
 * @param job its {@code job} label
 * @param instance its {@code instance} label
 * @param scrapeUrl the URL Prometheus scrapes
 * @param health {@code up}, {@code down} or {@code unknown}
 * @param lastScrape when it was last scraped, empty before the first scrape
 * @param lastError the last scrape's error, empty when it worked
 */
public record Target(String job, String instance, String scrapeUrl, String health, Optional<Instant> lastScrape,
        String lastError) {

    /** Tell whether it is up and was scraped at or after {@code since}. */
    public boolean upSince(Instant since) {
        return "up".equals(health) && lastScrape.map(at -> !at.isBefore(since)).orElse(false);
    }

    /** Describe it for a failure message, e.g. {@code 127.0.0.1:8000 down (last scrape 2025-…, error: …)}. */
    String describe() {
        return instance + " " + health + " (last scrape " + lastScrape.map(Instant::toString).orElse("never")
                + (lastError.isEmpty() ? "" : ", error: " + lastError) + ")";
    }
}
