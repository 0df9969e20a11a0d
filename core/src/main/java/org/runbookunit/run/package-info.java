/** Run a runbook's steps in order, record their outcomes, and finish with the gate and the report. */
package org.runbookunit.run;
