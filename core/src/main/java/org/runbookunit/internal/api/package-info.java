/** Not API: reading JSON HTTP APIs (Prometheus, Alertmanager, Grafana) through the Http facade. */
package org.runbookunit.internal.api;
