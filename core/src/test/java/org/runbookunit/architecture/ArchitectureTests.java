package org.runbookunit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine knows no facade, core knows no JUnit, results and reports do not reach back into the run. */
class ArchitectureTests {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.runbookunit");

    @Test
    void coreHasNoJUnitDependency() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .because("core runs a runbook from plain Java (DESIGN.md)").check(CORE);
    }

    @Test
    void theRunKnowsNoFacade() {
        noClasses().that().resideInAPackage("org.runbookunit.run").should().dependOnClassesThat()
                .resideInAnyPackage("org.runbookunit.http..", "org.runbookunit.db..", "org.runbookunit.dashboard..",
                        "org.runbookunit.windows..", "org.runbookunit.rehearsal..")
                .because("facades reach the engine through the SPI (STYLE.md 17)").check(CORE);
    }

    @Test
    void gateAndReportDoNotImportTheRun() {
        noClasses().that().resideInAnyPackage("org.runbookunit.gate..", "org.runbookunit.report..").should()
                .dependOnClassesThat().resideInAPackage("org.runbookunit.run..").check(CORE);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("org.runbookunit.(**)").should().beFreeOfCycles().check(CORE);
    }
}
