package org.runbookunit.logs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read the lines of one log written since a time (when given), e.g. a file on a host or a unit's journal. */
interface LogSource {

    /** Describe the source for messages and evidence, e.g. {@code journal of air-demand-api on [app]}. */
    String describe();

    /** Return the lines, oldest first; sources that can filter by time leave out lines before {@code since}. */
    List<LogLine> read(Optional<Instant> since);

    /** Return this source read from a byte offset; only files have one. */
    default LogSource fromOffset(long offset) {
        throw new UnsupportedOperationException("fromOffset applies to log files only, not to the " + describe()
                + "; use since(…)");
    }

    /** Return the byte offset a later {@link #fromOffset} read starts at; only files have one. */
    default long endOffset() {
        throw new UnsupportedOperationException("endOffset applies to log files only, not to the " + describe());
    }
}
