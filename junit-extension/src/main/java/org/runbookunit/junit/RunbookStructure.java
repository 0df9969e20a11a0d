package org.runbookunit.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotatedMethods;
import static org.junit.platform.commons.support.AnnotationSupport.isAnnotated;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.runbookunit.config.Durations;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.internal.Texts;
import org.runbookunit.internal.engine.FacadeRegistry;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;

/** Read a {@link Runbook} class into a plan, validating every annotation before anything runs. */
final class RunbookStructure {

    private final RunbookPlan plan;
    private final Map<Method, StepDefinition> steps;
    private final Map<Class<?>, List<Method>> parallelPhases;

    private RunbookStructure(RunbookPlan plan, Map<Method, StepDefinition> steps,
            Map<Class<?>, List<Method>> parallelPhases) {
        this.plan = plan;
        this.steps = Map.copyOf(steps);
        this.parallelPhases = Map.copyOf(parallelPhases);
    }

    static RunbookStructure of(Class<?> runbookClass) {
        Runbook runbook = runbookClass.getAnnotation(Runbook.class);
        require(!runbook.value().isBlank(), "@Runbook(value) must name the runbook but was blank on "
                + runbookClass.getName() + "; write @Runbook(\"air-demand staging validation\")");
        Map<Method, StepDefinition> steps = new LinkedHashMap<>();
        List<Class<?>> phases = nestedClasses(runbookClass);
        List<Method> ownSteps = stepMethods(runbookClass);
        require(phases.isEmpty() || ownSteps.isEmpty(), "a @Runbook holds either @Step methods or @Phase classes, not both, "
                + "but " + runbookClass.getSimpleName() + " has steps " + names(ownSteps) + " and phases "
                + phases.stream().map(Class::getSimpleName).toList() + "; move the steps into a @Nested @Phase class");
        addSteps(steps, runbookClass, 0, "");
        checkPhaseOrders(runbookClass, phases);
        phases.forEach(phase -> addPhase(steps, phase));
        require(!steps.isEmpty(), "@Runbook " + runbookClass.getName() + " has no @Step methods; add at least one "
                + "@Step(order = 1, value = \"…\")");
        String id = runbook.id().isBlank() ? Texts.slug(runbook.value()) : runbook.id();
        Optional<Duration> budget = runbook.budget().isBlank() ? Optional.empty()
                : Optional.of(Durations.parse("@Runbook(budget) on " + runbookClass.getSimpleName(), runbook.budget()));
        Map<Class<?>, List<Method>> parallel = new HashMap<>();
        phases.stream().filter(phase -> phase.getAnnotation(Phase.class).parallel()).forEach(phase -> parallel.put(phase,
                steps.keySet().stream().filter(method -> method.getDeclaringClass() == phase)
                        .sorted(Comparator.comparing(method -> steps.get(method).id())).toList()));
        return new RunbookStructure(new RunbookPlan(id, runbook.value(), new ArrayList<>(steps.values()), budget), steps,
                parallel);
    }

    /** Fail before anything runs when a step declares a parameter no registered facade provides, listing those that are. */
    void checkParameters(FacadeRegistry facades) {
        steps.keySet().forEach(method -> {
            for (Class<?> type : method.getParameterTypes()) {
                require(facades.provides(type), facades.unknown(type,
                        "@Step method " + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()"));
            }
        });
    }

    RunbookPlan plan() {
        return plan;
    }

    /** Return every parameter type the runbook's steps declare, for their providers to prepare while the run starts. */
    Set<Class<?>> parameterTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        steps.keySet().forEach(method -> types.addAll(List.of(method.getParameterTypes())));
        return types;
    }

    /** Return the steps of the parallel phase a step method belongs to, in order; empty for a sequential phase. */
    List<Method> parallelSiblings(Method method) {
        return parallelPhases.getOrDefault(method.getDeclaringClass(), List.of());
    }

    /** Tell whether a step belongs to a parallel phase. */
    boolean isParallel(StepDefinition step) {
        return parallelPhases.values().stream().flatMap(List::stream).anyMatch(method -> steps.get(method).equals(step));
    }

    Optional<StepDefinition> step(Method method) {
        return Optional.ofNullable(steps.get(method));
    }

    private static void addPhase(Map<Method, StepDefinition> steps, Class<?> phaseClass) {
        Phase phase = phaseClass.getAnnotation(Phase.class);
        require(nestedClasses(phaseClass).isEmpty(), "@Phase " + phaseClass.getName() + " holds @Nested classes "
                + names(nestedClasses(phaseClass)) + " but phases do not nest; move them up to the @Runbook class");
        require(!phase.value().isBlank(), "@Phase(value) must name the phase but was blank on " + phaseClass.getName());
        require(!stepMethods(phaseClass).isEmpty(), "@Phase " + phaseClass.getName() + " has no @Step methods");
        addSteps(steps, phaseClass, phase.order(), phase.value());
        if (phase.onFailureOnly()) {
            steps.replaceAll((method, step) -> step.id().phase() == phase.order() ? step.asRollback() : step);
        }
    }

    private static void addSteps(Map<Method, StepDefinition> steps, Class<?> owner, int phaseOrder, String phaseTitle) {
        Map<Integer, Method> byOrder = new HashMap<>();
        for (Method method : stepMethods(owner)) {
            Step step = method.getAnnotation(Step.class);
            String where = owner.getSimpleName() + "." + method.getName() + "()";
            require(step.order() >= 1, "@Step(order) must be >= 1 but was [" + step.order() + "] on " + where);
            require(!step.value().isBlank(), "@Step(value) must say what the step checks but was blank on " + where);
            require(!Modifier.isPrivate(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()),
                    "@Step method " + where + " must be neither private nor static, or JUnit would not run it");
            Method twin = byOrder.put(step.order(), method);
            require(twin == null, "@Step(order) must be unique within " + owner.getSimpleName() + " but [" + step.order()
                    + "] is used by " + (twin == null ? "" : twin.getName()) + "() and " + method.getName() + "()");
            steps.put(method, new StepDefinition(StepId.of(phaseOrder, step.order()), step.value(), step.severity(),
                    phaseTitle, StepRulesReader.of(owner, method), manual(method, where)).withApprovers(approvers(method,
                            where)));
        }
        List<Method> plainTests = findAnnotatedMethods(owner, Test.class, HierarchyTraversalMode.TOP_DOWN).stream()
                .filter(method -> !isAnnotated(method, Step.class)).toList();
        require(plainTests.isEmpty(), "@Test methods " + names(plainTests) + " in " + owner.getSimpleName()
                + " would run outside the runbook's order and gate; make them @Step(order, value) methods");
    }

    private static String manual(Method method, String where) {
        Manual manual = method.getAnnotation(Manual.class);
        if (manual == null) {
            return "";
        }
        require(!manual.value().isBlank(), "@Manual must tell the operator what to do but was blank on " + where);
        return manual.value();
    }

    private static List<String> approvers(Method method, String where) {
        Manual manual = method.getAnnotation(Manual.class);
        if (manual == null) {
            return List.of();
        }
        List<String> approvers = List.of(manual.approvers());
        Map<String, String> bySlug = new HashMap<>();
        for (String approver : approvers) {
            require(!approver.isBlank(), "@Manual(approvers) must name each approver but has a blank one "
                    + approvers + " on " + where);
            String twin = bySlug.put(Texts.slug(approver), approver);
            require(twin == null, "@Manual(approvers) must name each approver once but [" + twin + "] and [" + approver
                    + "] both attest as [" + Texts.slug(approver) + "] on " + where);
        }
        return approvers.stream().map(String::trim).toList();
    }

    private static void checkPhaseOrders(Class<?> runbookClass, List<Class<?>> phases) {
        Map<Integer, Class<?>> byOrder = new HashMap<>();
        for (Class<?> phaseClass : phases) {
            Phase phase = phaseClass.getAnnotation(Phase.class);
            require(phase != null, "@Nested class " + phaseClass.getName() + " in @Runbook " + runbookClass.getSimpleName()
                    + " needs @Phase(order, value) so its steps are numbered and gated");
            require(phase.order() >= 1, "@Phase(order) must be >= 1 but was [" + phase.order() + "] on "
                    + phaseClass.getSimpleName());
            Class<?> twin = byOrder.put(phase.order(), phaseClass);
            require(twin == null, "@Phase(order) must be unique within " + runbookClass.getSimpleName() + " but ["
                    + phase.order() + "] is used by " + (twin == null ? "" : twin.getSimpleName()) + " and "
                    + phaseClass.getSimpleName());
        }
    }

    private static List<Method> stepMethods(Class<?> owner) {
        return findAnnotatedMethods(owner, Step.class, HierarchyTraversalMode.TOP_DOWN).stream()
                .sorted(Comparator.comparing(Method::getName)).toList();
    }

    private static List<Class<?>> nestedClasses(Class<?> owner) {
        List<Class<?>> nested = ReflectionSupport.findNestedClasses(owner,
                candidate -> isAnnotated(candidate, Nested.class) || isAnnotated(candidate, Phase.class));
        nested.stream().filter(candidate -> !isAnnotated(candidate, Nested.class)).findFirst().ifPresent(notNested -> {
            throw new RunbookConfigurationException("@Phase class " + notNested.getName() + " must also be @Nested "
                    + "(and not static), or JUnit would not run its steps");
        });
        return nested.stream().sorted(Comparator.comparing(Class::getName)).toList();
    }

    private static List<String> names(List<?> members) {
        return members.stream().map(member -> member instanceof Method method ? method.getName() + "()"
                : ((Class<?>) member).getSimpleName()).toList();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new RunbookConfigurationException(message);
        }
    }
}
