package org.runbookunit.smoke.spi;

/**
 * Add a check kind to config-only suites: the YAML key and the class its value is read into.
 *
 * <pre>{@code
 * public final class KafkaLagKind implements CheckKind<KafkaLagCheck> {
 *     public String name() { return "kafka-lag"; }
 *     public Class<KafkaLagCheck> spec() { return KafkaLagCheck.class; }
 * }
 * // META-INF/services/org.runbookunit.smoke.spi.CheckKind holds: com.acme.smoke.KafkaLagKind
 * }</pre>
 *
 * @param <S> the check the YAML value is read into
 */
public interface CheckKind<S extends SmokeCheck> {

    /** Return the key that names this kind in a suite: {@code http}, {@code database}, {@code tls}. */
    String name();

    /** Return the class the key's value is read into. */
    Class<S> spec();
}
