package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.examples.RunbookStepIndex.RunbookStep;
import org.runbookunit.examples.SeedCoveragePage.Item;

/**
 * docs/seeds.md says, item by item, which runbook step checks each seed item; keep it true as runbooks change: every
 * step it names exists, every step of every runbook is named, and the coverage figures add up from the tables.
 */
class SeedCoverageTests {

    private static final List<String> SEEDS = List.of("000", "001", "002", "003", "004");

    private static SeedCoveragePage page;
    private static Map<String, RunbookStep> steps;

    @BeforeAll
    static void readThePageAndTheRunbooks() throws IOException {
        page = SeedCoveragePage.read(Path.of("../docs/seeds.md"));
        steps = RunbookStepIndex.of("org.runbookunit").steps();
    }

    @Test
    void thePageHasATableForEverySeedAndEveryRowParses() {
        assertThat(page.malformed()).as("rows of docs/seeds.md that do not parse").isEmpty();
        assertThat(page.seedSections()).as("the \"## Seed NNN\" sections").containsExactlyElementsOf(SEEDS);
        SEEDS.forEach(seed -> assertThat(page.items()).as("items of seed " + seed).anyMatch(item -> item.seed().equals(seed)));
        assertThat(steps).as("the @Runbook steps found under org.runbookunit").isNotEmpty();
    }

    @Test
    void itemIdsAreUnique() {
        Set<String> seen = new HashSet<>();
        List<String> twice = page.items().stream().map(Item::id).filter(id -> !seen.add(id)).toList();
        assertThat(twice).as("item ids listed twice in docs/seeds.md").isEmpty();
    }

    @Test
    void everyStepThePageNamesExists() {
        List<String> missing = new ArrayList<>();
        page.items().forEach(item -> item.steps().stream().filter(step -> !steps.containsKey(step))
                .forEach(step -> missing.add(item.id() + " names `" + step + "`; " + stepsOf(step))));
        page.unmapped().keySet().stream().filter(step -> !steps.containsKey(step)).forEach(step -> missing.add(
                "\"Steps that check no seed item\" names `" + step + "`; " + stepsOf(step)));
        assertThat(missing).as("steps docs/seeds.md names that no @Runbook has (renamed or renumbered?)").isEmpty();
    }

    @Test
    void everyRunbookStepIsNamedOnThePage() {
        Set<String> named = page.items().stream().flatMap(item -> item.steps().stream()).collect(Collectors.toSet());
        named.addAll(page.unmapped().keySet());
        List<String> unnamed = steps.values().stream().filter(step -> !named.contains(step.name()))
                .map(step -> "`" + step.name() + "` " + step.title()).toList();
        assertThat(unnamed).as("runbook steps docs/seeds.md does not name: add each to the items it checks, or to "
                + "\"Steps that check no seed item\" with the reason").isEmpty();
    }

    @Test
    void aStepThatChecksNoSeedItemIsNamedByNoItem() {
        Set<String> named = page.items().stream().flatMap(item -> item.steps().stream()).collect(Collectors.toSet());
        assertThat(page.unmapped().keySet()).as("steps listed under \"Steps that check no seed item\" that an item names")
                .doesNotContainAnyElementsOf(named);
        page.unmapped().forEach((step, reason) -> assertThat(reason).as("why " + step + " checks no seed item").isNotBlank());
    }

    @Test
    void everyStatusIsBackedByWhatItNames() {
        List<String> problems = new ArrayList<>();
        for (Item item : page.items()) {
            List<RunbookStep> named = item.steps().stream().filter(steps::containsKey).map(steps::get).toList();
            switch (item.status()) {
                case "step", "partial" -> {
                    if (item.steps().isEmpty()) {
                        problems.add(item.id() + " is " + item.status() + " but names no `RunbookClass phase.step`");
                    }
                    named.stream().filter(RunbookStep::manual).forEach(step -> problems.add(item.id() + " is "
                            + item.status() + " but `" + step.name() + "` is a @Manual step: mark the item manual"));
                }
                case "manual" -> {
                    if (named.isEmpty() || !named.stream().allMatch(RunbookStep::manual)) {
                        problems.add(item.id() + " is manual but names " + item.steps() + ", not only @Manual steps");
                    }
                }
                default -> {
                    if (!item.steps().isEmpty()) {
                        problems.add(item.id() + " is " + item.status() + " but names " + item.steps()
                                + ": a step that serves it makes it partial or step");
                    }
                }
            }
        }
        assertThat(problems).as("items whose status and steps disagree in docs/seeds.md").isEmpty();
    }

    @Test
    void theCoverageFiguresAddUpFromTheTables() {
        Map<String, SeedCoveragePage.Figures> written = page.figures();
        List<String> wrong = new ArrayList<>();
        for (String seed : page.seedSections()) {
            List<String> expected = figures(page.items().stream().filter(item -> item.seed().equals(seed)).toList());
            if (!written.containsKey(seed) || !written.get(seed).values().equals(expected)) {
                wrong.add(row(seed, expected));
            }
        }
        List<String> all = figures(page.items());
        if (!written.containsKey("all") || !written.get("all").values().equals(all)) {
            wrong.add(row("all", all));
        }
        assertThat(wrong).as("coverage rows of docs/seeds.md that do not match the tables; write these instead").isEmpty();
        assertThat(new TreeSet<>(written.keySet())).as("seeds in the coverage table")
                .containsExactlyElementsOf(new TreeSet<>(concat(page.seedSections(), "all")));
    }

    /** Say which steps the runbook a missing reference names does have, or that there is no such runbook. */
    private static String stepsOf(String missing) {
        String runbook = missing.substring(0, missing.indexOf(' ') + 1);
        List<String> ids = steps.keySet().stream().filter(step -> step.startsWith(runbook))
                .map(step -> step.substring(runbook.length())).toList();
        return ids.isEmpty() ? "there is no @Runbook class " + runbook.strip() : runbook + "has steps " + ids;
    }

    /** Return items, step, partial, manual, out of scope, not yet, in scope, and the two percentages of in scope. */
    private static List<String> figures(List<Item> items) {
        Map<String, Long> byStatus = items.stream().collect(Collectors.groupingBy(Item::status, Collectors.counting()));
        List<Long> counts = SeedCoveragePage.STATUSES.stream().map(status -> byStatus.getOrDefault(status, 0L)).toList();
        long inScope = items.size() - counts.get(3);
        List<String> values = new ArrayList<>(List.of(Integer.toString(items.size())));
        counts.forEach(count -> values.add(Long.toString(count)));
        values.add(Long.toString(inScope));
        values.add(percent(counts.get(0) + counts.get(1) + counts.get(2), inScope));
        values.add(percent(counts.get(0) + counts.get(2), inScope));
        return values;
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    private static String row(String seed, List<String> values) {
        List<String> cells = new ArrayList<>(values.subList(0, 7));
        cells.add(values.get(7) + " %");
        cells.add(values.get(8) + " %");
        return "| " + seed + " | " + String.join(" | ", cells) + " |";
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> joined = new ArrayList<>(list);
        joined.add(last);
        return joined;
    }
}
