package org.runbookunit.internal.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.spi.FacadeProvider;

/** Know every facade a step may ask for: the providers registered through {@link ServiceLoader}, by type. */
public final class FacadeRegistry {

    private final Map<Class<?>, FacadeProvider<?>> providers;

    private FacadeRegistry(Map<Class<?>, FacadeProvider<?>> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** Load every provider registered in {@code META-INF/services/org.runbookunit.spi.FacadeProvider}. */
    public static FacadeRegistry load(ClassLoader loader) {
        List<FacadeProvider<?>> providers = new ArrayList<>();
        ServiceLoader.load(FacadeProvider.class, loader).forEach(providers::add);
        return of(providers);
    }

    /** Make a registry of the given providers; two for one type are a configuration error naming both. */
    public static FacadeRegistry of(List<FacadeProvider<?>> providers) {
        Map<Class<?>, FacadeProvider<?>> byType = new LinkedHashMap<>();
        for (FacadeProvider<?> provider : providers) {
            FacadeProvider<?> earlier = byType.putIfAbsent(provider.type(), provider);
            if (earlier != null && earlier.getClass() != provider.getClass()) {
                throw new RunbookConfigurationException("two facade providers offer [" + provider.type().getName()
                        + "]: " + earlier.getClass().getName() + " and " + provider.getClass().getName()
                        + "; remove one from META-INF/services/" + FacadeProvider.class.getName());
            }
        }
        return new FacadeRegistry(byType);
    }

    /** Return the provider of a parameter type, if one is registered. */
    @SuppressWarnings("unchecked")
    public <T> Optional<FacadeProvider<T>> provider(Class<T> type) {
        return Optional.ofNullable((FacadeProvider<T>) providers.get(type));
    }

    /** Tell whether a step may declare a parameter of this type. */
    public boolean provides(Class<?> type) {
        return providers.containsKey(type);
    }

    /** Return the provider of a type, or fail naming the type and every type that can be injected. */
    public <T> FacadeProvider<T> require(Class<T> type, String where) {
        return provider(type).orElseThrow(() -> new RunbookConfigurationException(unknown(type, where)));
    }

    /** Describe a parameter type nobody provides, listing the known ones and how to add one. */
    public String unknown(Class<?> type, String where) {
        return "no facade provides parameter type [" + type.getName() + "] of " + where + "; steps can be given "
                + knownTypes() + ", or register a " + FacadeProvider.class.getName() + " for it in META-INF/services";
    }

    /** Return the simple names of every injectable type, sorted. */
    public String knownTypes() {
        return providers.keySet().stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(", "));
    }
}
