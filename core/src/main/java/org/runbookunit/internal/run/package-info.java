/** Not API: the run's console output; it may change in any release. */
package org.runbookunit.internal.run;
