/**
 * Contribute a check kind to config-only smoke suites: implement {@link org.runbookunit.smoke.spi.CheckKind} and
 * register it in {@code META-INF/services/org.runbookunit.smoke.spi.CheckKind}.
 */
package org.runbookunit.smoke.spi;
