/**
 * Run commands on the environment's hosts — the runner itself or SSH servers named in runbook.yaml — with a deadline,
 * capped output, host keys always verified, and command, output and exit code kept as redacted evidence.
 */
package org.runbookunit.shell;
