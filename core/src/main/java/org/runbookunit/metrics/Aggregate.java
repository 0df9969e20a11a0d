package org.runbookunit.metrics;

import java.util.List;

/** Say how a range query's samples become one number: their maximum, minimum or average. */
public enum Aggregate {
    /** The largest sample of every series: "the error rate never went above 1 %". */
    MAX,
    /** The smallest sample of every series: "the hit rate never fell below 60 %". */
    MIN,
    /** The mean of every sample of every series: "the error rate averaged under 1 %". */
    AVG;

    double of(List<Double> samples) {
        return switch (this) {
            case MAX -> samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            case MIN -> samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            case AVG -> samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        };
    }
}
