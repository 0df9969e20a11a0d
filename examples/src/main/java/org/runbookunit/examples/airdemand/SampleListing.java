package org.runbookunit.examples.airdemand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Write and read the job board the sample scheduler scrapes instead of Paraform: one role per line, tab-separated
 * ({@code id title company location qualified posted_at}). The first roles are the ones the API already holds; the
 * others are posted one every {@code spacing} from {@code firstNewPosting}, so each scrape finds the roles posted since
 * the one before.
 *
 * <pre>{@code
 * SampleListing.write(Path.of("air-demand/data/paraform_listing.tsv"), 747, 200,
 *         Instant.parse("2026-12-01T04:00:00Z"), Duration.ofMinutes(90));
 * }</pre>
 */
public final class SampleListing {

    private SampleListing() {
    }

    /** Write {@code existing} already-known roles and {@code extra} roles posted later to {@code file}. */
    public static void write(Path file, int existing, int extra, Instant firstNewPosting, Duration spacing)
            throws IOException {
        if (existing < 0 || extra < 0 || spacing.isNegative() || spacing.isZero()) {
            throw new IllegalArgumentException("existing and extra must be >= 0 and spacing > 0 but were [" + existing
                    + "], [" + extra + "] and [" + spacing + "]");
        }
        List<String> lines = new ArrayList<>();
        for (int id = 1; id <= existing + extra; id++) {
            Role role = SampleRoles.role(id);
            Instant posted = id <= existing ? role.firstSeen() : firstNewPosting.plus(spacing.multipliedBy(id - existing - 1L));
            lines.add(id + "\t" + role.title() + "\t" + role.company() + "\t" + role.location() + "\t" + role.qualified()
                    + "\t" + posted);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
    }

    /** Return the roles of the listing posted at or before {@code now}, first seen when they were posted. */
    static List<Role> read(Path file, Instant now) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the job board listing " + file, unreadable);
        }
        List<Role> roles = new ArrayList<>();
        for (String line : lines) {
            String[] field = line.split("\t");
            Instant posted = Instant.parse(field[5]);
            if (!posted.isAfter(now)) {
                roles.add(new Role(Integer.parseInt(field[0]), field[1], field[2], field[3], Boolean.parseBoolean(field[4]),
                        posted));
            }
        }
        return roles;
    }
}
