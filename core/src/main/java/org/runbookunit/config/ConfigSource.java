package org.runbookunit.config;

import java.util.Map;
import java.util.Optional;

/** Look up a raw configuration value by key. */
@FunctionalInterface
public interface ConfigSource {

    /** Return the raw value of a key, if set. */
    Optional<String> get(String key);

    /** Read keys from a map, e.g. system properties copied into one. */
    static ConfigSource of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    /** Read nothing: every key takes its default. */
    static ConfigSource empty() {
        return key -> Optional.empty();
    }

    /** Ask this source first, then the {@code RUNBOOK_X_Y} variable of the given process environment. */
    default ConfigSource orEnvironment(Map<String, String> environment) {
        return key -> get(key).or(() -> Optional.ofNullable(environment.get(ConfigKeys.environmentVariable(key))));
    }
}
