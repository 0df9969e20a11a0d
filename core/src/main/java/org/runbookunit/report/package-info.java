/** Write a run's sign-off report: {@code report.md}, {@code report.json}, {@code report.html} and {@code manifest.sha256}. */
package org.runbookunit.report;
