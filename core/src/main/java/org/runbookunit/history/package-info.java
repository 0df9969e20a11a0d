/**
 * Judge a step by earlier runs in the run ledger: passed on N consecutive days, at least N passing runs in a period,
 * and comparison with the previous run's measurements ({@link org.runbookunit.history.History}).
 */
package org.runbookunit.history;
