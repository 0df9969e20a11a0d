/**
 * Name the outcomes, severities and verdicts every runbook speaks in.
 *
 * <p>RunbookUnit core is plain Java: the JUnit adapter lives in {@code runbookunit-junit}.
 */
package org.runbookunit;
