/**
 * Check a Prometheus server from a runbook step: {@link org.runbookunit.metrics.Metrics}, injected into steps that
 * declare it, addressed by endpoint name ({@code prometheus} by default).
 */
package org.runbookunit.metrics;
