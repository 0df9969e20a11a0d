package org.runbookunit.junit;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.config.RunbookConfigurationException;

/**
 * Fail a test that carries {@code @OnlyIn}, {@code @NotIn}, {@code @Destructive} or {@code @Manual} outside a
 * {@link Runbook}: there they would be silently ignored.
 */
class OutsideRunbookCheck implements BeforeAllCallback, BeforeEachCallback {

    private static final List<Class<? extends Annotation>> STEP_RULES = List.of(OnlyIn.class, NotIn.class,
            Destructive.class, Manual.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        check(type, type.getName(), type);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check(context.getRequiredTestMethod(), context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName() + "()", context.getRequiredTestClass());
    }

    private static void check(AnnotatedElement element, String where, Class<?> owner) {
        if (insideRunbook(owner)) {
            return;
        }
        Optional<String> rule = STEP_RULES.stream().filter(element::isAnnotationPresent)
                .map(annotation -> "@" + annotation.getSimpleName()).findFirst();
        rule.ifPresent(name -> {
            throw new RunbookConfigurationException(name + " on " + where + " has no effect outside a @Runbook; "
                    + "annotate " + outermost(owner).getSimpleName() + " with @Runbook(\"…\") and make the method a "
                    + "@Step, or remove " + name);
        });
    }

    private static boolean insideRunbook(Class<?> owner) {
        return Stream.<Class<?>>iterate(owner, type -> type != null, Class::getEnclosingClass)
                .anyMatch(type -> type.isAnnotationPresent(Runbook.class));
    }

    private static Class<?> outermost(Class<?> owner) {
        return Stream.<Class<?>>iterate(owner, type -> type != null, Class::getEnclosingClass).reduce((inner, outer) -> outer)
                .orElse(owner);
    }
}
