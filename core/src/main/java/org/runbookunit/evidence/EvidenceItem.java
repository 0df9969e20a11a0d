package org.runbookunit.evidence;

/**
 * Point at one evidence file of a step.
 *
 * @param path the file's path relative to the runbook's report folder, with {@code /} separators
 * @param description what the file shows, e.g. {@code GET api /health → 200}
 */
public record EvidenceItem(String path, String description) {
}
