/** Decide GO or NO-GO for a run, with every reason listed. */
package org.runbookunit.gate;
