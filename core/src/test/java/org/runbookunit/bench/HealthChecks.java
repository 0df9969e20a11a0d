package org.runbookunit.bench;

/** Send health checks one after another and fail on the first answer that is not healthy. */
interface HealthChecks {

    /** Return the name printed next to this client's timings. */
    String name();

    /** Send this many checks, in sequence, to {@code /health}. */
    void run(int checks) throws Exception;
}
