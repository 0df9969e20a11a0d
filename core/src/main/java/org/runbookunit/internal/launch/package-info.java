/** Not API: what the launcher uses to start a run (rehearsal stacks, the redacted console, sign-off files). */
package org.runbookunit.internal.launch;
