package org.runbookunit.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Read tables, views, indexes and row counts through JDBC metadata, the same way for every driver. */
final class Catalog {

    private static final String[] TABLE_TYPES = {"TABLE", "PARTITIONED TABLE"};
    private static final String[] VIEW_TYPES = {"VIEW", "MATERIALIZED VIEW"};
    private static final Set<Integer> SIZED_TYPES = Set.of(Types.VARCHAR, Types.CHAR, Types.NUMERIC, Types.DECIMAL);

    private final Session session;

    Catalog(Session session) {
        this.session = session;
    }

    /** Return the tables of the current schema (all tables when the database has no schemas), sorted. */
    List<String> tables() {
        return names(currentSchema(), TABLE_TYPES, "%");
    }

    /** Return the views of the current schema whose names match a SQL LIKE pattern, sorted. */
    List<String> views(String likePattern) {
        return names(currentSchema(), VIEW_TYPES, likePattern);
    }

    /** Return the indexes on tables of the current schema whose names match a SQL LIKE pattern, sorted. */
    List<String> indexes(String likePattern) {
        Pattern pattern = like(likePattern);
        String schema = currentSchema();
        Set<String> indexes = new TreeSet<>();
        try {
            for (String table : tables()) {
                indexes.addAll(indexNames(schema, table));
            }
        } catch (SQLException failure) {
            throw SqlFailures.statement(failure, "-- JDBC metadata: indexes like " + likePattern, session);
        }
        return indexes.stream().filter(name -> pattern.matcher(name).matches()).toList();
    }

    /** Describe every table and view outside the system schemas. */
    Schema schema() {
        try {
            DatabaseMetaData meta = session.connection().getMetaData();
            Map<String, Schema.Table> tables = new TreeMap<>();
            for (String[] table : qualified(meta, TABLE_TYPES)) {
                tables.put(key(table), new Schema.Table(columns(meta, table), indexNames(table[0], table[1])));
            }
            List<String> views = qualified(meta, VIEW_TYPES).stream().map(Catalog::key).toList();
            return new Schema(tables, views);
        } catch (SQLException failure) {
            throw SqlFailures.statement(failure, "-- JDBC metadata: tables, columns, indexes and views", session);
        }
    }

    /** Count the rows of every table outside the system schemas, keyed like {@link Schema#tables()}. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        try {
            DatabaseMetaData meta = session.connection().getMetaData();
            for (String[] table : qualified(meta, TABLE_TYPES)) {
                String sql = "SELECT count(*) FROM " + quoted(table);
                counts.put(key(table), ((Number) session.query(sql, List.of()).value()).longValue());
            }
        } catch (SQLException failure) {
            throw SqlFailures.statement(failure, "-- JDBC metadata: tables", session);
        }
        return counts;
    }

    /** Return the connection's current schema, or null when the database has none. */
    String currentSchema() {
        try {
            return session.connection().getSchema();
        } catch (SQLException | AbstractMethodError noSchemas) {
            return null;
        }
    }

    private List<String> names(String schema, String[] types, String likePattern) {
        Pattern pattern = like(likePattern);
        List<String> names = new ArrayList<>();
        try (ResultSet tables = session.connection().getMetaData().getTables(null, schema, "%", types)) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        } catch (SQLException failure) {
            throw SqlFailures.statement(failure, "-- JDBC metadata: " + String.join(", ", types), session);
        }
        return names.stream().filter(name -> pattern.matcher(name).matches()).sorted().toList();
    }

    private List<String[]> qualified(DatabaseMetaData meta, String[] types) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (ResultSet results = meta.getTables(null, null, "%", types)) {
            while (results.next()) {
                String schema = results.getString("TABLE_SCHEM");
                if (!isSystemSchema(schema)) {
                    tables.add(new String[] {schema, results.getString("TABLE_NAME")});
                }
            }
        }
        return tables;
    }

    private Map<String, String> columns(DatabaseMetaData meta, String[] table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet results = meta.getColumns(null, table[0], escape(meta, table[1]), "%")) {
            while (results.next()) {
                if (!table[1].equals(results.getString("TABLE_NAME"))) {
                    continue;
                }
                String type = results.getString("TYPE_NAME");
                if (SIZED_TYPES.contains(results.getInt("DATA_TYPE")) && results.getInt("COLUMN_SIZE") > 0) {
                    type += "(" + results.getInt("COLUMN_SIZE") + sizeDigits(results) + ")";
                }
                columns.put(results.getString("COLUMN_NAME"), type + ("NO".equals(results.getString("IS_NULLABLE"))
                        ? " not null" : ""));
            }
        }
        return columns;
    }

    private static String sizeDigits(ResultSet column) throws SQLException {
        int digits = column.getInt("DECIMAL_DIGITS");
        return column.wasNull() || digits == 0 ? "" : "," + digits;
    }

    private List<String> indexNames(String schema, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet results = session.connection().getMetaData().getIndexInfo(null, schema, table, false, true)) {
            while (results.next()) {
                String name = results.getString("INDEX_NAME");
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private String quoted(String[] table) {
        String name = quote(table[1]);
        return table[0] == null ? name : quote(table[0]) + "." + name;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String key(String[] table) {
        return table[0] == null ? table[1] : table[0] + "." + table[1];
    }

    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        return escape == null || escape.isEmpty() ? name : name.replace("_", escape + "_").replace("%", escape + "%");
    }

    private static boolean isSystemSchema(String schema) {
        if (schema == null) {
            return false;
        }
        String lower = schema.toLowerCase(Locale.ROOT);
        return lower.equals("information_schema") || lower.equals("pg_catalog") || lower.startsWith("pg_toast")
                || lower.startsWith("pg_temp");
    }

    /** Turn a SQL LIKE pattern ({@code idx_%}) into a regular expression: {@code %} any text, {@code _} one character. */
    static Pattern like(String likePattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : likePattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
