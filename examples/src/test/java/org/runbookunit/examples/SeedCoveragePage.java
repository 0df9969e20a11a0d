package org.runbookunit.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read docs/seeds.md: the coverage figures at the top, every seed's item rows and the steps that check no seed item.
 *
 * <p>A table row that starts like an item ({@code | 003-}) but does not parse is kept as a malformed line, so a typo
 * fails the test instead of dropping the item from the count.
 */
final class SeedCoveragePage {

    /** The statuses an item may have, in the order of the coverage table's columns. */
    static final List<String> STATUSES = List.of("step", "partial", "manual", "out of scope", "not yet");

    private static final Pattern SECTION = Pattern.compile("^## (.*)$", Pattern.MULTILINE);
    private static final Pattern SEED_HEADING = Pattern.compile("^Seed (\\d{3})\\b");
    private static final Pattern ITEM_START = Pattern.compile("^\\| \\d{3}-");
    private static final Pattern ITEM = Pattern.compile(
            "^\\| (\\d{3})-([0-9A-Z][0-9A-Z.]*[0-9A-Z]|[0-9A-Z]) \\| ([^|]+) \\| (" + String.join("|", STATUSES)
                    + ") \\| ([^|]+) \\|$");
    private static final Pattern FIGURES = Pattern.compile(
            "^\\| (\\d{3}|all) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| ([0-9.]+) % \\| ([0-9.]+) % \\|$");
    private static final Pattern UNMAPPED = Pattern.compile("^\\| (`[^`]+`) \\| ([^|]+) \\|$");
    private static final Pattern STEP_REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*) (\\d+(?:\\.\\d+)?)`");

    /** One row of a seed's table. */
    record Item(String seed, String id, String title, String status, String detail) {

        /** Return the steps the last column names, as {@code RunbookClass phase.step}. */
        List<String> steps() {
            return references(detail);
        }
    }

    /** One row of the coverage table: the seed (or {@code all}), its nine numbers as written. */
    record Figures(String seed, List<String> values) {
    }

    private final List<Item> items = new ArrayList<>();
    private final List<String> seedSections = new ArrayList<>();
    private final Map<String, Figures> figures = new LinkedHashMap<>();
    private final Map<String, String> unmapped = new LinkedHashMap<>();
    private final List<String> malformed = new ArrayList<>();

    private SeedCoveragePage() {
    }

    /** Parse the page at {@code file}. */
    static SeedCoveragePage read(Path file) throws IOException {
        SeedCoveragePage page = new SeedCoveragePage();
        String text = Files.readString(file);
        Matcher headings = SECTION.matcher(text);
        List<int[]> bounds = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        while (headings.find()) {
            bounds.add(new int[] {headings.start(), headings.end()});
            titles.add(headings.group(1));
        }
        for (int i = 0; i < titles.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : text.length();
            page.readSection(titles.get(i), text.substring(bounds.get(i)[1], end).lines().toList());
        }
        return page;
    }

    /** Return the steps a text names in backticks, as {@code RunbookClass phase.step}. */
    static List<String> references(String text) {
        return STEP_REFERENCE.matcher(text).results().map(match -> match.group(1) + " " + match.group(2)).toList();
    }

    private void readSection(String title, List<String> lines) {
        Matcher seed = SEED_HEADING.matcher(title);
        if (seed.find()) {
            seedSections.add(seed.group(1));
            lines.forEach(line -> readItem(seed.group(1), line));
        } else if (title.equals("Coverage")) {
            lines.stream().map(FIGURES::matcher).filter(Matcher::matches).forEach(row -> figures.put(row.group(1),
                    new Figures(row.group(1), List.of(row.group(2), row.group(3), row.group(4), row.group(5),
                            row.group(6), row.group(7), row.group(8), row.group(9), row.group(10)))));
        } else if (title.equals("Steps that check no seed item")) {
            lines.stream().map(UNMAPPED::matcher).filter(Matcher::matches).forEach(row -> references(row.group(1))
                    .forEach(step -> unmapped.put(step, row.group(2).strip())));
        }
        lines.stream().filter(line -> ITEM_START.matcher(line).find() && !SEED_HEADING.matcher(title).find())
                .forEach(line -> malformed.add(line + "  (an item row outside a \"## Seed NNN\" section)"));
    }

    private void readItem(String seed, String line) {
        if (!ITEM_START.matcher(line).find()) {
            return;
        }
        Matcher row = ITEM.matcher(line);
        if (!row.matches()) {
            malformed.add(line + "  (expected | NNN-id | item | " + String.join("/", STATUSES) + " | steps or reason |)");
        } else if (!row.group(1).equals(seed)) {
            malformed.add(line + "  (item of seed " + row.group(1) + " in the section of seed " + seed + ")");
        } else {
            items.add(new Item(seed, row.group(1) + "-" + row.group(2), row.group(3).strip(), row.group(4),
                    row.group(5).strip()));
        }
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    /** Return the seeds that have a {@code ## Seed NNN} section, in page order. */
    List<String> seedSections() {
        return List.copyOf(seedSections);
    }

    /** Return the coverage table's rows by seed ({@code 000} … and {@code all}). */
    Map<String, Figures> figures() {
        return Map.copyOf(figures);
    }

    /** Return the steps that check no seed item, each with the reason given. */
    Map<String, String> unmapped() {
        return Map.copyOf(unmapped);
    }

    List<String> malformed() {
        return List.copyOf(malformed);
    }
}
