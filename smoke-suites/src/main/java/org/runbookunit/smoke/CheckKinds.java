package org.runbookunit.smoke;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.smoke.checks.CheckReader;
import org.runbookunit.smoke.spi.CheckKind;
import org.runbookunit.smoke.spi.SmokeCheck;

/** Know every check kind a suite may use: those registered in {@code META-INF/services/…CheckKind}, by name. */
final class CheckKinds implements CheckReader.Kinds {

    private final Map<String, CheckKind<?>> byName;

    private CheckKinds(Map<String, CheckKind<?>> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Load the kinds registered for a class loader; two of one name are a configuration error naming both. */
    static CheckKinds load(ClassLoader loader) {
        Map<String, CheckKind<?>> byName = new TreeMap<>();
        for (CheckKind<?> kind : ServiceLoader.load(CheckKind.class, loader)) {
            CheckKind<?> earlier = byName.putIfAbsent(kind.name(), kind);
            if (earlier != null && earlier.getClass() != kind.getClass()) {
                throw new RunbookConfigurationException("two check kinds are named [" + kind.name() + "]: "
                        + earlier.getClass().getName() + " and " + kind.getClass().getName() + "; remove one from "
                        + "META-INF/services/" + CheckKind.class.getName());
            }
        }
        return new CheckKinds(byName);
    }

    Optional<CheckKind<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Optional<Class<? extends SmokeCheck>> spec(String name) {
        return find(name).map(CheckKind::spec);
    }

    @Override
    public Set<String> names() {
        return byName.keySet();
    }
}
