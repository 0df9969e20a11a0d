package org.runbookunit.junit;

import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.runbookunit.config.RunbookConfigurationException;

class RunbookValidationTests {

    @Test
    void duplicateStepOrdersFailBeforeAnyStepRuns() {
        assertRejected(DuplicateStepOrderFixture.class,
                "@Step(order) must be unique within DuplicateStepOrderFixture but [1] is used by");
    }

    @Test
    void stepOrderBelowOneIsRejected() {
        assertRejected(ZeroStepOrderFixture.class,
                "@Step(order) must be >= 1 but was [0] on ZeroStepOrderFixture.health()");
    }

    @Test
    void duplicatePhaseOrdersAreRejected() {
        assertRejected(DuplicatePhaseOrderFixture.class,
                "@Phase(order) must be unique within DuplicatePhaseOrderFixture but [1] is used by First and Second");
    }

    @Test
    void phaseOrderBelowOneIsRejected() {
        assertRejected(ZeroPhaseOrderFixture.class, "@Phase(order) must be >= 1 but was [0] on Zero");
    }

    @Test
    void mixingStepsAndPhasesIsRejected() {
        assertRejected(MixedFixture.class, "a @Runbook holds either @Step methods or @Phase classes, not both, "
                + "but MixedFixture has steps [own()] and phases [Health]; move the steps into a @Nested @Phase class");
    }

    @Test
    void nestedClassWithoutPhaseIsRejected() {
        assertRejected(NestedWithoutPhaseFixture.class, "needs @Phase(order, value)");
    }

    @Test
    void plainTestInsideARunbookIsRejected() {
        assertRejected(PlainTestFixture.class, "@Test methods [stray()] in PlainTestFixture would run outside the "
                + "runbook's order and gate; make them @Step(order, value) methods");
    }

    @Test
    void stepOutsideARunbookFailsWithTheFix() {
        EngineExecutionResults results = RunbookKit.create().run(StepWithoutRunbookFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("health"), finishedWithFailure(
                message(text -> text.contains("@Step is on StepWithoutRunbookFixture.health() but StepWithoutRunbookFixture "
                        + "is not a @Runbook nor a @Nested @Phase inside one; annotate the class with @Runbook")))));
    }

    @Test
    void stepRulesOutsideARunbookFailInsteadOfBeingIgnored() {
        EngineExecutionResults results = RunbookKit.create().run(RulesWithoutRunbookFixture.class,
                DestructiveClassWithoutRunbookFixture.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("onlyStaging"), finishedWithFailure(instanceOf(RunbookConfigurationException.class),
                        message("@OnlyIn on RulesWithoutRunbookFixture.onlyStaging() has no effect outside a @Runbook; "
                                + "annotate RunbookValidationTests with @Runbook(\"…\") and make the method a @Step, "
                                + "or remove @OnlyIn"))))
                .haveExactly(1, event(test("signOff"), finishedWithFailure(message(text -> text.startsWith(
                        "@Manual on RulesWithoutRunbookFixture.signOff() has no effect outside a @Runbook")))));
        results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(text -> text
                .startsWith("@Destructive on " + DestructiveClassWithoutRunbookFixture.class.getName()
                        + " has no effect outside a @Runbook")))));
    }

    @Test
    void twoRunbooksWithOneIdFailNamingBothAndTheFirstReportStays() {
        RunbookKit kit = RunbookKit.create();

        EngineExecutionResults results = kit.run(ValidFixture.class, SameTitleFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(SameTitleFixture.class),
                finishedWithFailure(instanceOf(RunbookConfigurationException.class), message("two runbooks have the id "
                        + "[valid]: " + ValidFixture.class.getName() + " and " + SameTitleFixture.class.getName()
                        + "; their reports would share one folder. Give one another title, or set @Runbook(id = \"…\")"))));
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        org.assertj.core.api.Assertions.assertThat(kit.reportJson("valid").get("steps").get(0).get("title").asText())
                .isEqualTo("Health");
    }

    @Test
    void anEndpointMissingBecauseThereIsNoRunbookYamlNamesWhereTheFileIsLookedFor() {
        EngineExecutionResults results = RunbookKit.create().run(EndpointFixture.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("health"), finishedWithFailure(message(text ->
                text.startsWith("endpoint [api] is not defined in environment [local]; known endpoints: []")
                        && text.endsWith("(read from runbook.config when set, else from the class path: "
                        + "src/test/resources/runbook.yaml)")))));
    }

    @Test
    void unknownEnvironmentListsTheKnownOnes() {
        EngineExecutionResults results = RunbookKit.withApi(java.net.URI.create("http://127.0.0.1:9"))
                .parameter("runbook.env", "prod").run(ValidFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(ValidFixture.class),
                finishedWithFailure(message(text -> text.startsWith("runbook.env names an unknown environment [prod]")
                        && text.contains("known environments: [local, staging]")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void badGateValueFailsBeforeAnyStepRuns() {
        EngineExecutionResults results = RunbookKit.create().parameter("runbook.gate.min-pass-rate", "83%")
                .run(ValidFixture.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(ValidFixture.class),
                finishedWithFailure(message("runbook.gate.min-pass-rate must be a number between 0 and 1 (e.g. 0.83) "
                        + "but was [83%]"))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    private static void assertRejected(Class<?> fixture, String expectedMessagePart) {
        EngineExecutionResults results = RunbookKit.create().run(fixture);

        results.containerEvents().assertThatEvents().haveExactly(1, event(RunbookKit.runbookClass(fixture), finishedWithFailure(
                instanceOf(RunbookConfigurationException.class), message(text -> text.contains(expectedMessagePart)))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(failure.getSuppressed()).as("nothing but the error itself").isEmpty();
    }

    @Runbook("valid")
    static class ValidFixture {
        @Step(order = 1, value = "Health")
        void health() {
        }
    }

    @Runbook("valid")
    static class SameTitleFixture {
        @Step(order = 1, value = "Another health check")
        void health() {
        }
    }

    @Runbook("endpoint")
    static class EndpointFixture {
        @Step(order = 1, value = "Health")
        void health(org.runbookunit.http.Http http) {
            http.get("api", "/health").expectStatus(200);
        }
    }

    @Runbook("duplicate step order")
    static class DuplicateStepOrderFixture {
        @Step(order = 1, value = "Health")
        void health() {
        }

        @Step(order = 1, value = "Database")
        void database() {
        }
    }

    @Runbook("zero step order")
    static class ZeroStepOrderFixture {
        @Step(order = 0, value = "Health")
        void health() {
        }
    }

    @Runbook("duplicate phase order")
    static class DuplicatePhaseOrderFixture {
        @Nested
        @Phase(order = 1, value = "First")
        class First {
            @Step(order = 1, value = "Health")
            void health() {
            }
        }

        @Nested
        @Phase(order = 1, value = "Second")
        class Second {
            @Step(order = 1, value = "Health")
            void health() {
            }
        }
    }

    @Runbook("zero phase order")
    static class ZeroPhaseOrderFixture {
        @Nested
        @Phase(order = 0, value = "Zero")
        class Zero {
            @Step(order = 1, value = "Health")
            void health() {
            }
        }
    }

    @Runbook("mixed")
    static class MixedFixture {
        @Step(order = 1, value = "Own step")
        void own() {
        }

        @Nested
        @Phase(order = 1, value = "Health")
        class Health {
            @Step(order = 1, value = "Health")
            void health() {
            }
        }
    }

    @Runbook("nested without phase")
    static class NestedWithoutPhaseFixture {
        @Nested
        class Health {
            @Step(order = 1, value = "Health")
            void health() {
            }
        }
    }

    @Runbook("plain test")
    static class PlainTestFixture {
        @Step(order = 1, value = "Health")
        void health() {
        }

        @Test
        void stray() {
        }
    }

    static class StepWithoutRunbookFixture {
        @Step(order = 1, value = "Health")
        void health() {
        }
    }

    static class RulesWithoutRunbookFixture {
        @Test
        @OnlyIn("staging")
        void onlyStaging() {
        }

        @Test
        @Manual("Sign the change off")
        void signOff() {
        }
    }

    @Destructive
    static class DestructiveClassWithoutRunbookFixture {
        @Test
        void restart() {
        }
    }
}
