/**
 * Check an Alertmanager from a runbook step: {@link org.runbookunit.alerts.Alerts}, injected into steps that declare
 * it, addressed by endpoint name ({@code alertmanager} by default).
 */
package org.runbookunit.alerts;
