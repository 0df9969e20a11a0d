/** Describe a runbook before it runs: its id, title and ordered steps. */
package org.runbookunit.model;
