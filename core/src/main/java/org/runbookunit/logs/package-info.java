/**
 * Scan logs for what a runbook watches: no ERROR since a time, a start-up line within a deadline. Sources are a file on
 * a host (over {@code Shell}), a systemd unit's journal ({@code journalctl -o json} over {@code Shell}) and a
 * container's output (Docker, through Testcontainers' client, loaded only when used).
 */
package org.runbookunit.logs;
