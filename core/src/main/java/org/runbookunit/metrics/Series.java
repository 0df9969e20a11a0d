package org.runbookunit.metrics;

import java.util.List;
import java.util.Map;

/**
 * Hold one series of a query result: its labels and its sample values (one for an instant query).
 *
 * @param labels the series' labels, e.g. {@code {job=signal-harvester}}
 * @param values its samples, oldest first; NaN where Prometheus answered NaN
 */
public record Series(Map<String, String> labels, List<Double> values) {

    /** Return the last sample: the value of an instant query. */
    public double value() {
        return values.get(values.size() - 1);
    }
}
