package org.runbookunit.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.run.StepExecution;

/**
 * Run the steps of a {@code @Phase(parallel = true)} at once, at most {@code runbook.parallelism} at a time, when its
 * first step is invoked; each step's own JUnit invocation then reports the outcome its body had, in step order.
 */
final class ParallelPhase {

    private final Map<Method, CompletableFuture<Optional<Throwable>>> outcomes;

    private ParallelPhase(Map<Method, CompletableFuture<Optional<Throwable>>> outcomes) {
        this.outcomes = outcomes;
    }

    static ParallelPhase start(RunbookState state, Object phaseInstance, List<Method> steps, int parallelism) {
        List<Method> eligible = steps.stream().filter(method -> state.cannotRun(state.step(method)).isEmpty()).toList();
        Map<Method, CompletableFuture<Optional<Throwable>>> outcomes = new LinkedHashMap<>();
        if (eligible.isEmpty()) {
            return new ParallelPhase(outcomes);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, eligible.size()), threads(
                state.step(eligible.get(0))));
        for (Method method : eligible) {
            StepExecution execution = state.execution(method);
            outcomes.put(method, CompletableFuture.supplyAsync(() -> run(phaseInstance, method, execution), pool));
        }
        pool.shutdown();
        return new ParallelPhase(outcomes);
    }

    /** Wait for a step's body and return how it failed, if it did; empty when the step was not run by the phase. */
    Optional<Optional<Throwable>> outcome(Method method) {
        return Optional.ofNullable(outcomes.get(method)).map(CompletableFuture::join);
    }

    private static Optional<Throwable> run(Object phaseInstance, Method method, StepExecution execution) {
        try {
            Object[] arguments = new Object[method.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = execution.facade(method.getParameterTypes()[i]);
            }
            method.setAccessible(true);
            method.invoke(phaseInstance, arguments);
            execution.verifyPendingChecks();
            return Optional.empty();
        } catch (InvocationTargetException failed) {
            return Optional.of(failed.getCause());
        } catch (Throwable failed) {
            return Optional.of(failed);
        }
    }

    private static java.util.concurrent.ThreadFactory threads(StepDefinition first) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "runbook-phase-" + first.id().phase() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
