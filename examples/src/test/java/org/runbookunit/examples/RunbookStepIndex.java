package org.runbookunit.examples;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotatedMethods;
import static org.junit.platform.commons.support.AnnotationSupport.isAnnotated;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.runbookunit.junit.Manual;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

/**
 * List every step of the {@code @Runbook} classes under a package, numbered as the engine numbers them: the phase's
 * {@code @Phase(order)}, a dot and the {@code @Step(order)}, or the {@code @Step(order)} alone in a runbook without phases.
 *
 * <p>Only top-level classes count: a {@code @Runbook} nested in a test class is that test's fixture, not a seed runbook.
 */
final class RunbookStepIndex {

    /** One step: {@code RunbookClass phase.step}, its title and whether it is a {@code @Manual} step. */
    record RunbookStep(String name, String title, boolean manual) {
    }

    private final Map<String, RunbookStep> steps;

    private RunbookStepIndex(Map<String, RunbookStep> steps) {
        this.steps = Collections.unmodifiableSortedMap(new TreeMap<>(steps));
    }

    /** Index the runbooks found on the class path under {@code packageName} (and its sub-packages). */
    static RunbookStepIndex of(String packageName) {
        List<Class<?>> runbooks = ReflectionSupport.findAllClassesInPackage(packageName,
                candidate -> candidate.isAnnotationPresent(Runbook.class) && candidate.getEnclosingClass() == null,
                name -> true);
        Map<String, List<Class<?>>> bySimpleName = runbooks.stream().collect(Collectors.groupingBy(Class::getSimpleName));
        bySimpleName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                throw new IllegalStateException("docs/seeds.md names runbooks by simple name, but [" + name
                        + "] is used by " + classes + "; rename one of them");
            }
        });
        return new RunbookStepIndex(runbooks.stream().flatMap(runbook -> stepsOf(runbook).stream())
                .collect(Collectors.toMap(RunbookStep::name, Function.identity(), (a, b) -> a, TreeMap::new)));
    }

    /** Return every step by name, sorted by name. */
    Map<String, RunbookStep> steps() {
        return steps;
    }

    private static List<RunbookStep> stepsOf(Class<?> runbook) {
        List<RunbookStep> found = new ArrayList<>(stepsIn(runbook, runbook.getSimpleName() + " "));
        ReflectionSupport.findNestedClasses(runbook, nested -> isAnnotated(nested, Nested.class)
                        && isAnnotated(nested, Phase.class)).stream().sorted(Comparator.comparing(Class::getName))
                .forEach(phase -> found.addAll(stepsIn(phase, runbook.getSimpleName() + " "
                        + phase.getAnnotation(Phase.class).order() + ".")));
        return found;
    }

    private static List<RunbookStep> stepsIn(Class<?> owner, String prefix) {
        return findAnnotatedMethods(owner, Step.class, HierarchyTraversalMode.TOP_DOWN).stream()
                .map(method -> step(method, prefix)).toList();
    }

    private static RunbookStep step(Method method, String prefix) {
        Step step = method.getAnnotation(Step.class);
        return new RunbookStep(prefix + step.order(), step.value(), method.isAnnotationPresent(Manual.class));
    }
}
