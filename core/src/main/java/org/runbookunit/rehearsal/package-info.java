/**
 * Start a local copy of the system for a rehearsal: PostgreSQL and service containers (Testcontainers, optional at run
 * time), local processes, or servers inside the JVM.
 */
package org.runbookunit.rehearsal;
