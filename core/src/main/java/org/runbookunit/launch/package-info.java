/**
 * Start a runbook's run from plain Java exactly as the JUnit adapter does: validated settings and configuration, the
 * rehearsal stack, the redacted console, sign-offs, then each step through {@link org.runbookunit.launch.Launch}.
 */
package org.runbookunit.launch;
