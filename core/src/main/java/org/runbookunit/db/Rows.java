package org.runbookunit.db;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Hold a query's result: its columns and rows, iterable so AssertJ's iterable assertions apply.
 *
 * <pre>{@code
 * Rows roles = db.query("SELECT title FROM roles WHERE qualified ORDER BY id LIMIT ?", 3);
 * assertThat(roles).hasSize(3);
 * assertThat(roles.column("title")).contains("Founding Engineer");
 * }</pre>
 */
public final class Rows implements Iterable<Row> {

    private final List<String> columns;
    private final List<Row> rows;

    Rows(List<String> columns, List<Row> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /** Return the column labels in order. */
    public List<String> columns() {
        return columns;
    }

    /** Return the rows in order. */
    public List<Row> rows() {
        return rows;
    }

    /** Return how many rows there are. */
    public int size() {
        return rows.size();
    }

    /** Tell whether there is no row. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Return the row at an index, counted from 0. */
    public Row get(int index) {
        return rows.get(index);
    }

    /** Return the only row, failing with the row count when there is not exactly one. */
    public Row single() {
        if (rows.size() != 1) {
            throw new DatabaseExpectationError("expected exactly 1 row but the query returned [" + rows.size() + "]");
        }
        return rows.get(0);
    }

    /** Return the only value of a one-row, one-column result, e.g. of {@code SELECT count(*) …}. */
    public Object value() {
        if (columns.size() != 1) {
            throw new DatabaseExpectationError("expected exactly 1 column but the query returned " + columns);
        }
        return single().value(columns.get(0));
    }

    /** Return one column's values, row by row. */
    public List<Object> column(String column) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("no column [" + column + "] in the result; its columns are " + columns);
        }
        return rows.stream().map(row -> row.get(column)).collect(Collectors.toList());
    }

    /** Stream the rows. */
    public Stream<Row> stream() {
        return rows.stream();
    }

    @Override
    public Iterator<Row> iterator() {
        return rows.iterator();
    }

    @Override
    public String toString() {
        return rows.size() + " rows " + columns + (rows.isEmpty() ? "" : ": " + rows.stream().limit(5)
                .map(Object::toString).collect(Collectors.joining(", ")) + (rows.size() > 5 ? ", …" : ""));
    }
}
