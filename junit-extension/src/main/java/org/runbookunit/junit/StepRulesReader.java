package org.runbookunit.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.model.StepRules;

/** Read {@link OnlyIn}, {@link NotIn} and {@link Destructive} from a step method and the phase class around it. */
final class StepRulesReader {

    private StepRulesReader() {
    }

    static StepRules of(Class<?> owner, Method method) {
        List<AnnotatedElement> scopes = List.of(owner, method);
        Set<String> notIn = new HashSet<>();
        Set<String> onlyIn = null;
        boolean destructive = false;
        for (AnnotatedElement scope : scopes) {
            Optional.ofNullable(scope.getAnnotation(NotIn.class)).ifPresent(annotation -> notIn.addAll(names(annotation.value(),
                    "@NotIn", scope)));
            OnlyIn only = scope.getAnnotation(OnlyIn.class);
            if (only != null) {
                Set<String> names = names(only.value(), "@OnlyIn", scope);
                onlyIn = onlyIn == null ? names : intersection(onlyIn, names, scope);
            }
            destructive |= scope.isAnnotationPresent(Destructive.class);
        }
        return new StepRules(onlyIn == null ? Set.of() : onlyIn, notIn, destructive);
    }

    private static Set<String> names(String[] environments, String annotation, AnnotatedElement scope) {
        if (environments.length == 0 || Arrays.stream(environments).anyMatch(String::isBlank)) {
            throw new RunbookConfigurationException(annotation + " must name at least one environment of runbook.yaml but was "
                    + List.of(environments) + " on " + where(scope));
        }
        return new HashSet<>(Arrays.asList(environments));
    }

    private static Set<String> intersection(Set<String> phase, Set<String> step, AnnotatedElement scope) {
        Set<String> both = new HashSet<>(phase);
        both.retainAll(step);
        if (both.isEmpty()) {
            throw new RunbookConfigurationException("@OnlyIn" + step + " on " + where(scope) + " shares no environment with "
                    + "its phase's @OnlyIn" + phase + ", so the step could never run");
        }
        return both;
    }

    private static String where(AnnotatedElement scope) {
        return scope instanceof Method method ? method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()"
                : ((Class<?>) scope).getSimpleName();
    }
}
