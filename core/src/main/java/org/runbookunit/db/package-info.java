/**
 * Check databases and rehearse PostgreSQL operations: {@link org.runbookunit.db.Database} (counts, queries, schema,
 * statistics, latency, migrations over any JDBC driver) and {@link org.runbookunit.db.Postgres} (backups proven
 * restorable, template copies).
 */
package org.runbookunit.db;
