/** Check a system over time: eventually, sustain and watch windows with failure budgets and evidence timelines. */
package org.runbookunit.windows;
