package org.runbookunit.examples.airdemand;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Derive a plausible role from its id alone, so every run sees the same data. */
final class SampleRoles {

    static final List<String> TITLES = List.of(
            "Senior Backend Engineer", "Machine Learning Engineer", "Staff Software Engineer",
            "Founding Engineer", "Data Engineer", "Platform Engineer", "Full Stack Engineer",
            "AI Research Engineer", "Site Reliability Engineer", "Product Engineer");
    private static final List<String> COMPANIES = List.of(
            "Acme Robotics", "Northwind Labs", "Globex AI", "Initech", "Umbrella Health",
            "Stark Analytics", "Wayne Logistics", "Hooli", "Pied Piper", "Vandelay Industries", "Cyberdyne");
    static final List<String> LOCATIONS = List.of(
            "San Francisco, CA", "New York, NY", "Remote (US)", "Seattle, WA", "Austin, TX",
            "Boston, MA", "Los Angeles, CA");
    private static final Instant FIRST_SCRAPE = Instant.parse("2025-01-06T09:00:00Z");
    private static final Duration SPACING = Duration.ofHours(7);
    private static final int QUALIFIED_PERCENT = 15;

    private SampleRoles() {
    }

    /** Build the role with the given id. */
    static Role role(int id) {
        return new Role(
                id,
                pick(TITLES, id, 3),
                pick(COMPANIES, id, 7),
                pick(LOCATIONS, id, 5),
                qualified(id),
                FIRST_SCRAPE.plus(SPACING.multipliedBy(id - 1L)));
    }

    private static String pick(List<String> values, int id, int stride) {
        return values.get((id * stride) % values.size());
    }

    private static boolean qualified(int id) {
        return (id * 37) % 100 < QUALIFIED_PERCENT;
    }
}
