package org.runbookunit.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.ledger.LedgerEntry;

/**
 * Compare a set of names this run found (the tables and indexes of a schema) with the previous run's; each check saves
 * both sets and the difference as evidence.
 *
 * <pre>{@code
 * history.compareSchema(db.schema()).expectUnchanged();   // schema drift: a table or index added or removed
 * }</pre>
 */
public final class InventoryComparison {

    private final HistoryScope scope;
    private final String name;
    private final List<String> current;
    private final Optional<LedgerEntry> previousRun;
    private final Optional<List<String>> previous;

    InventoryComparison(HistoryScope scope, String name, List<String> current, Optional<LedgerEntry> previousRun) {
        this.scope = scope;
        this.name = name;
        this.current = current.stream().sorted().distinct().toList();
        this.previousRun = previousRun;
        this.previous = previousRun.flatMap(run -> run.step(scope.stepId())).flatMap(step -> step.inventory(name));
    }

    /** Return the names in the previous run that are not in this one. */
    public List<String> removed() {
        return previous.map(was -> was.stream().filter(item -> !current.contains(item)).toList()).orElse(List.of());
    }

    /** Return the names in this run that were not in the previous one. */
    public List<String> added() {
        return previous.map(was -> current.stream().filter(item -> !was.contains(item)).toList()).orElse(List.of());
    }

    /** Fail when a name was added or removed since the previous run. */
    public InventoryComparison expectUnchanged() {
        return check("unchanged since the previous run", added().isEmpty() && removed().isEmpty());
    }

    /** Fail when a name of the previous run is gone (additions, e.g. a new index, are allowed). */
    public InventoryComparison expectNothingRemoved() {
        return check("nothing removed since the previous run", removed().isEmpty());
    }

    private InventoryComparison check(String rule, boolean holds) {
        String label = "[" + name + "] of step " + scope.stepId() + " in " + scope.describe();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("inventory", name);
        content.put("rule", rule);
        content.put("added", added());
        content.put("removed", removed());
        content.put("current", current);
        content.put("previous", previous.orElse(null));
        previousRun.ifPresent(run -> content.put("previousRun", Map.of("runId", run.runId(), "startedAt",
                run.startedAt().toString(), "commit", run.commit())));
        scope.evidence().json("history " + name, content, "history: " + name + " " + current.size() + " names, "
                + added().size() + " added, " + removed().size() + " removed");
        if (previous.isEmpty()) {
            scope.warnings().add("no earlier run recorded " + label + ": nothing to compare with yet");
            return this;
        }
        if (!holds) {
            throw new HistoryExpectationError(label + " expected " + rule + " (" + previousRun.get().startedAt()
                    + ", commit " + previousRun.get().commit() + ") but " + added().size() + " added " + added() + " and "
                    + removed().size() + " removed " + removed());
        }
        return this;
    }
}
