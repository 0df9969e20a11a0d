package org.runbookunit.spi;

/**
 * Provide one facade type to steps: opened for a step on first use, verified when the step body returns, captured when
 * the step fails, closed when the step ends.
 *
 * <pre>{@code
 * public record Kafka(URI broker, Evidence evidence) { }   // the team's own facade
 *
 * public final class KafkaProvider implements FacadeProvider<Kafka> {
 *     public Class<Kafka> type() { return Kafka.class; }
 *     public Kafka open(StepContext step) { return new Kafka(step.environment().endpoint("kafka"), step.evidence()); }
 * }
 * // META-INF/services/org.runbookunit.spi.FacadeProvider holds: com.acme.runbook.KafkaProvider
 * }</pre>
 *
 * @param <T> the type a step declares as a parameter
 */
public interface FacadeProvider<T> {

    /** Return the parameter type this provider injects. */
    Class<T> type();

    /**
     * Get ready for the run's steps that declare this type, on a background thread while the run starts (load and
     * initialise a client library, warm a pool); a step waits for it to end before {@link #open} is called. It must
     * contact nothing outside the JVM but loopback servers it starts itself, and never fail a run: an exception is
     * ignored. Not called in plan mode or by runs that do not declare their types.
     */
    default void prepare(RunResources shared) {
    }

    /** Open the facade for one step; called at most once per step, when the step first asks for it. */
    T open(StepContext step);

    /** Throw the failed checks the facade collected and did not report yet; called when the step body returns. */
    default void verify(T facade) {
    }

    /** Keep evidence of what the facade saw when its step failed (a screenshot, a trace); called before close. */
    default void captureFailure(T facade, StepContext step) {
    }

    /** Release what {@link #open} created; closes an {@link AutoCloseable} facade by default. */
    default void close(T facade) throws Exception {
        if (facade instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
