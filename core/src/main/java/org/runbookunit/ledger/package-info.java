/**
 * The run ledger: every finished run of a runbook (environment, commit, verdict, each step's outcome, time and the
 * measurements it recorded), kept in a file store under {@code .runbookunit/ledger} or in a PostgreSQL database shared
 * by CI runners ({@code runbook.ledger}). {@code org.runbookunit.history.History} reads it from steps.
 */
package org.runbookunit.ledger;
