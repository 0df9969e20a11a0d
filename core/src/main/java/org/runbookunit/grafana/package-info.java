/**
 * Check a Grafana from a runbook step: {@link org.runbookunit.grafana.Grafana}, injected into steps that declare it,
 * addressed by endpoint name ({@code grafana} by default).
 */
package org.runbookunit.grafana;
