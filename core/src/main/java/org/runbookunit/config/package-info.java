/** Read configuration keys and the environments of {@code runbook.yaml}. */
package org.runbookunit.config;
