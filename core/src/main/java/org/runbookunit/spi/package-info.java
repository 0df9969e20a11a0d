/**
 * Contribute a facade to runbook steps: implement {@link org.runbookunit.spi.FacadeProvider} and register it in
 * {@code META-INF/services/org.runbookunit.spi.FacadeProvider}; steps then declare a parameter of its type.
 */
package org.runbookunit.spi;
