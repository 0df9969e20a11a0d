/**
 * Serve a small stand-in for the air-demand API so the seed runbooks have something real to check.
 *
 * <p>Start it from a test with {@code AirDemandService.start(0)}, or from a shell with
 * {@code java ... org.runbookunit.examples.airdemand.AirDemandService --port 8123}; it listens on 127.0.0.1 only.
 */
package org.runbookunit.examples.airdemand;
