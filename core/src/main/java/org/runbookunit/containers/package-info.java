/**
 * Check containers from a runbook step: {@link org.runbookunit.containers.Containers}, over Testcontainers' Docker
 * client (an optional dependency of core, loaded only when a check runs).
 */
package org.runbookunit.containers;
