package org.runbookunit.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Describe a database's structure as JDBC metadata shows it: every table with its columns and indexes, and every view.
 * Two schemas compare with {@link #differencesFrom}; a backup restores correctly when the difference is empty.
 *
 * <pre>{@code
 * assertThat(backup.manifest().schema().differencesFrom(source.schema())).isEmpty();
 * }</pre>
 *
 * @param tables each table, qualified with its schema where the database has schemas ({@code public.roles})
 * @param views each view's name, qualified the same way
 */
public record Schema(Map<String, Table> tables, List<String> views) {

    /** Sort and freeze. */
    public Schema {
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
        views = List.copyOf(new TreeSet<>(views));
    }

    /**
     * Describe one table.
     *
     * @param columns column name to type, e.g. {@code title → varchar(200) not null}, in column order
     * @param indexes the names of the table's indexes, sorted
     */
    public record Table(Map<String, String> columns, List<String> indexes) {

        /** Freeze, keeping column order and sorting indexes. */
        public Table {
            columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
            indexes = List.copyOf(new TreeSet<>(indexes));
        }
    }

    /** List every way this schema differs from an expected one, e.g. {@code table [public.roles] is missing}. */
    public List<String> differencesFrom(Schema expected) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Table> table : expected.tables().entrySet()) {
            Table actual = tables.get(table.getKey());
            if (actual == null) {
                differences.add("table [" + table.getKey() + "] is missing");
            } else {
                compare(table.getKey(), table.getValue(), actual, differences);
            }
        }
        tables.keySet().stream().filter(name -> !expected.tables().containsKey(name))
                .forEach(name -> differences.add("table [" + name + "] is unexpected"));
        expected.views().stream().filter(view -> !views.contains(view))
                .forEach(view -> differences.add("view [" + view + "] is missing"));
        views.stream().filter(view -> !expected.views().contains(view))
                .forEach(view -> differences.add("view [" + view + "] is unexpected"));
        return differences;
    }

    private static void compare(String name, Table expected, Table actual, List<String> differences) {
        expected.columns().forEach((column, type) -> {
            String actualType = actual.columns().get(column);
            if (actualType == null) {
                differences.add("column [" + name + "." + column + "] is missing");
            } else if (!Objects.equals(type, actualType)) {
                differences.add("column [" + name + "." + column + "] is [" + actualType + "], expected [" + type + "]");
            }
        });
        actual.columns().keySet().stream().filter(column -> !expected.columns().containsKey(column))
                .forEach(column -> differences.add("column [" + name + "." + column + "] is unexpected"));
        expected.indexes().stream().filter(index -> !actual.indexes().contains(index))
                .forEach(index -> differences.add("index [" + index + "] on [" + name + "] is missing"));
        actual.indexes().stream().filter(index -> !expected.indexes().contains(index))
                .forEach(index -> differences.add("index [" + index + "] on [" + name + "] is unexpected"));
    }
}
