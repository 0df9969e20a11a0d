package org.runbookunit.junit;

import java.util.Comparator;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/** Run steps by {@link Step#order()}, whatever JUnit's default method order. */
class StepOrder implements MethodOrderer {

    @Override
    public void orderMethods(MethodOrdererContext context) {
        context.getMethodDescriptors().sort(Comparator.comparingInt(StepOrder::order));
    }

    private static int order(MethodDescriptor method) {
        return method.findAnnotation(Step.class).map(Step::order).orElse(Integer.MAX_VALUE);
    }
}
