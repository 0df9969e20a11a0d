package org.runbookunit.load;

import java.util.List;

/** Report a load probe that broke its thresholds: each threshold with its budget and the measured value. */
public class LoadExpectationError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient LoadResult result;

    LoadExpectationError(LoadResult result, List<String> broken, String evidencePath) {
        super("load probe [" + result.name() + "] broke " + broken.size() + (broken.size() == 1 ? " threshold" : " thresholds")
                + " (" + result.summary() + "):\n  " + String.join("\n  ", broken)
                + (evidencePath.isEmpty() ? "" : "\n  timeline: " + evidencePath));
        this.result = result;
    }

    /** Return what the probe measured. */
    public LoadResult result() {
        return result;
    }
}
