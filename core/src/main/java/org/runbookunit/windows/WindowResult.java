package org.runbookunit.windows;

import java.util.List;

/**
 * Describe a window that held.
 *
 * @param name the window's name
 * @param samples every check, in order
 * @param evidencePath the report-relative path of the JSON timeline
 */
public record WindowResult(String name, List<Sample> samples, String evidencePath) {

    /** Freeze the samples. */
    public WindowResult {
        samples = List.copyOf(samples);
    }

    /** Return {@code "142 samples, 2 failures, longest failure streak 1"}. */
    public String summary() {
        return Timeline.summary(samples);
    }
}
