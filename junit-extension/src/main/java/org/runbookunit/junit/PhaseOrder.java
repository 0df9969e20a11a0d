package org.runbookunit.junit;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/** Run phases by {@link Phase#order()}, whatever their position in the source. */
class PhaseOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(PhaseOrder::order));
    }

    private static int order(ClassDescriptor phase) {
        return phase.findAnnotation(Phase.class).map(Phase::order).orElse(Integer.MAX_VALUE);
    }
}
