/**
 * Serve a small stand-in for the air-demand API so the seed runbooks have something real to check.
 *
 * <p>Start it from a test with {@code AirDemandService.start(0)}, or from a shell with
 * {@code java ... org.runbookunit.examples.airdemand.AirDemandService --port 8123}; it listens on 127.0.0.1 only.
 * Set {@code AIRDEMAND_ADMIN_TOKEN} (or pass a token to {@code AirDemandService.start}) to enable the
 * token-protected {@code /admin/config} and {@code /admin/restart} endpoints a runbook's config switch and
 * restart steps use.
 */
package org.runbookunit.examples.airdemand;
