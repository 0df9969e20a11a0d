package org.runbookunit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The examples are what a user writes: they use the public API only, never an internal package. */
class ExamplesArchitectureTests {

    private static final JavaClasses EXAMPLES = new ClassFileImporter().importPackages("org.runbookunit.examples");

    @Test
    void examplesUseNoInternalPackage() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.runbookunit.internal..")
                .because("internal packages are not API (STYLE.md 14, 20)").check(EXAMPLES);
    }
}
