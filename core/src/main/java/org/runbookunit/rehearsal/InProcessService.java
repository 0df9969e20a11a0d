package org.runbookunit.rehearsal;

import java.net.URI;
import java.util.Map;

/**
 * Run a service inside this JVM — e.g. the sample service when no Docker engine is available.
 *
 * <pre>{@code
 * InProcessService.http("api", () -> {
 *     AirDemandService service = AirDemandService.start(0);
 *     return new InProcessService.Started(service.baseUri(), service);
 * })
 * }</pre>
 */
public final class InProcessService implements RehearsalService {

    private final String endpoint;
    private final Starter starter;
    private Started started;

    private InProcessService(String endpoint, Starter starter) {
        this.endpoint = endpoint;
        this.starter = starter;
    }

    /** Offer what the starter starts as endpoint {@code endpointName}. */
    public static InProcessService http(String endpointName, Starter starter) {
        return new InProcessService(endpointName, starter);
    }

    @Override
    public String name() {
        return endpoint + " (in-process)";
    }

    @Override
    public void start() throws Exception {
        started = starter.start();
    }

    @Override
    public Map<String, URI> endpoints() {
        return Map.of(endpoint, started.uri());
    }

    @Override
    public void close() {
        if (started != null) {
            try {
                started.stopper().close();
            } catch (Exception cannotStop) {
                throw new IllegalStateException("cannot stop in-process service [" + endpoint + "]", cannotStop);
            }
        }
    }

    /** Start a server and say where it listens. */
    @FunctionalInterface
    public interface Starter {
        /** Start the server. */
        Started start() throws Exception;
    }

    /**
     * Say where a started server listens and how to stop it.
     *
     * @param uri its base URI
     * @param stopper what stops it
     */
    public record Started(URI uri, AutoCloseable stopper) {
    }
}
