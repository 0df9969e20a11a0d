/**
 * Write runbooks as JUnit 5 classes: {@link org.runbookunit.junit.Runbook}, {@link org.runbookunit.junit.Phase} and
 * {@link org.runbookunit.junit.Step}.
 */
package org.runbookunit.junit;
