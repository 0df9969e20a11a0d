/** Not API: the run ledger's stores (a JSON-lines file per runbook, a PostgreSQL table) and the engine's hook. */
package org.runbookunit.internal.ledger;
