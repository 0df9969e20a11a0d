package org.runbookunit.db;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hold one result row as an unmodifiable map from column label to value, in column order, so AssertJ's map assertions
 * apply: {@code assertThat(row).containsEntry("title", "Founding Engineer")}.
 */
public final class Row extends AbstractMap<String, Object> {

    private final Map<String, Object> values;

    Row(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return values.entrySet();
    }

    /** Return a column's value, failing with the known columns when there is no such column. */
    public Object value(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column [" + column + "] in the row; its columns are " + values.keySet());
        }
        return values.get(column);
    }

    /** Return a column's value as text ({@code null} stays {@code null}). */
    public String text(String column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    /** Return a numeric column's value as a long. */
    public long number(String column) {
        Object value = value(column);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException("column [" + column + "] is not a number but [" + value + "]");
    }
}
