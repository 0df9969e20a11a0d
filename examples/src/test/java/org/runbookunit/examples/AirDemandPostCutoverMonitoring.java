package org.runbookunit.examples;

import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Manual;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;
import org.runbookunit.windows.FailureBudget;
import org.runbookunit.windows.Windows;

/**
 * The parts of the runbooks that are about time and people: "wait for health checks to pass (timeout 300 s)" (seed
 * 004), "API + scheduler remain healthy for ≥ 30 minutes" (seed 003), the red flags that trigger a rollback and the
 * paused droplet (seed 001), and the go/no-go sign-off (seed 004). Local rehearsals run the windows at
 * {@code windows-scale: 0.005}; the manual steps are attested in {@code attestations.yaml}.
 */
// tag::runbook[]
@Runbook(value = "air-demand post-cutover monitoring", budget = "2h")
class AirDemandPostCutoverMonitoring {

    @Nested
    @Phase(order = 1, value = "Startup")
    class Startup {
        @Step(order = 1, value = "Health checks pass (timeout 300 s)")
        void healthy(Http http, Windows windows) {
            windows.eventually("health checks pass", Duration.ofSeconds(300),
                    () -> http.get("api", "/health/ready").expectStatus(200).expectJson("status", "ready"));
        }
    }

    @Nested
    @Phase(order = 2, value = "Stability")
    class Stability {
        @Step(order = 1, value = "API and scheduler healthy for at least 30 minutes")
        void stable(Http http, Windows windows) {
            windows.sustain("healthy for 30 minutes", Duration.ofMinutes(30), Duration.ofMinutes(1), () -> {
                http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
                http.get("api", "/health/ready").expectStatus(200).expectJson("checks.scheduler", "ok");
            });
        }
    }

    @Nested
    @Phase(order = 5, value = "Pause the old droplet")
    class PauseOldDroplet {
        @Step(order = 2, value = "Old production droplet powered off, not destroyed")
        @Manual("In the DigitalOcean console find the old production droplet, click Power Off. Do NOT select Destroy: "
                + "it is the rollback for one week.")
        void powerOff() {
        }
    }

    @Nested
    @Phase(order = 7, value = "Monitoring")
    class Monitoring {
        @Step(order = 2, value = "No red flags for an hour (rollback triggers)")
        void redFlags(Http http, Windows windows) {
            FailureBudget redFlags = FailureBudget.maxConsecutiveFailures(2).andMaxFailuresWithin(3, Duration.ofHours(1));
            windows.watch("red flags", Duration.ofHours(1), Duration.ofMinutes(5), redFlags, () -> {
                http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
                http.get("api", "/health/db").expectStatus(200).expectJson("database", "connected");
                http.get("dashboard", "/").expectStatus(200).expectBodyContains("Paraform Roles");
                http.get("api", "/monitoring/errors").expectStatus(200).expectJson("errors_last_hour", lessThanOrEqualTo(10));
            });
        }
    }

    @Nested
    @Phase(order = 9, value = "Sign-off")
    class SignOff {
        @Step(order = 1, value = "GO/NO-GO approved by Tech Lead, QA Lead and DevOps")
        @Manual(value = "Review this report; each approver records their GO or NO-GO.",
                approvers = {"Tech Lead", "QA Lead", "DevOps"})
        void approved() {
        }
    }
}
// end::runbook[]
