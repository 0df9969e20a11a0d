package org.runbookunit.junit;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.rehearsal.RehearsalStack;
import org.runbookunit.rehearsal.StackBinding;

/**
 * Start each rehearsal stack once per JVM and keep it in the root JUnit store, which stops it when the whole test
 * run ends.
 */
final class RehearsalStacks {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RehearsalStacks.class);

    private RehearsalStacks() {
    }

    static Started start(ExtensionContext context, Class<? extends RehearsalStack> stackClass) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(stackClass, type -> started(stackClass),
                Started.class);
    }

    private static Started started(Class<? extends RehearsalStack> stackClass) {
        RehearsalStack stack = instantiate(stackClass);
        long start = System.nanoTime();
        StackBinding binding = stack.start();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[rehearsal] " + stackClass.getSimpleName() + " ready in " + millis + " ms: "
                + binding.endpoints() + binding.database().map(db -> ", database " + db.url()).orElse(""));
        return new Started(stack, binding);
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
     * Hold a started stack and what it binds; JUnit closes it with the root store.
     *
     * @param stack the stack
     * @param binding its endpoints and database
     */
    record Started(RehearsalStack stack, StackBinding binding) implements AutoCloseable {

        Map<String, String> logs() {
            return stack.logs();
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
