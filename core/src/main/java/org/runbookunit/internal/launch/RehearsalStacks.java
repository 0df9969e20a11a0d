package org.runbookunit.internal.launch;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.rehearsal.StackBinding;
import org.runbookunit.spi.RunResources;

/**
 * Start each rehearsal stack once per test run and keep it in the run's shared resources, which stop it when the whole
 * test run ends.
 */
public final class RehearsalStacks {

    private RehearsalStacks() {
    }

    /** Return the stack of this class, started the first time any runbook of the test run asks for it. */
    public static Started start(RunResources shared, Class<? extends RehearsalStack> stackClass) {
        return shared.get(stackClass, Started.class, () -> started(stackClass));
    }

    private static Started started(Class<? extends RehearsalStack> stackClass) {
        RehearsalStack stack = instantiate(stackClass);
        long start = System.nanoTime();
        StackBinding binding = stack.start();
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> engines = stack.engines();
        System.out.println("[rehearsal] " + stackClass.getSimpleName() + " ready in " + millis + " ms"
                + (engines.isEmpty() ? "" : " on " + String.join(" and ", engines)) + ": "
                + withoutUserInfo(binding.endpoints()) + binding.database().map(db -> ", database " + db.url()).orElse(""));
        return new Started(stack, binding);
    }

    /** Show where each endpoint is, never the user-info of its URL (a rehearsal password is a password too). */
    private static Map<String, String> withoutUserInfo(Map<String, URI> endpoints) {
        Map<String, String> shown = new java.util.TreeMap<>();
        endpoints.forEach((name, uri) -> shown.put(name, uri.getRawUserInfo() == null ? uri.toString()
                : uri.toString().replace(uri.getRawUserInfo() + "@", "***@")));
        return shown;
    }

    private static RehearsalStack instantiate(Class<? extends RehearsalStack> stackClass) {
        try {
            return stackClass.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException missing) {
            throw new RunbookConfigurationException("@Rehearsal(" + stackClass.getSimpleName() + ".class) needs a public "
                    + "no-argument constructor on " + stackClass.getName(), missing);
        } catch (InvocationTargetException failed) {
            throw new RunbookConfigurationException("@Rehearsal(" + stackClass.getSimpleName() + ".class): the constructor "
                    + "failed: " + failed.getCause(), failed.getCause());
        }
    }

    /**
     * Hold a started stack and what it binds; the run's shared resources close it.
     *
     * @param stack the stack
     * @param binding its endpoints and database
     */
    public record Started(RehearsalStack stack, StackBinding binding) implements AutoCloseable {

        /** Return the engines the stack's services run on, e.g. a remote Docker engine; none for local processes. */
        public List<String> engines() {
            return stack.engines();
        }

        /** Return the logs of every service of the stack, by service name. */
        public Map<String, String> logs() {
            return stack.logs();
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
