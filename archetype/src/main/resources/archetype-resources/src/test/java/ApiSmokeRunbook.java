package ${package};

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.runbookunit.Severity;
import org.runbookunit.http.Http;
import org.runbookunit.junit.Phase;
import org.runbookunit.junit.Runbook;
import org.runbookunit.junit.Step;

@Runbook("api smoke")
class ApiSmokeRunbook {

    @Nested
    @Phase(order = 1, value = "Health")
    class Health {

        @Step(order = 1, value = "API /health returns healthy")
        void health(Http http) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
        }

        @Step(order = 2, value = "API /health answers within 500 ms", severity = Severity.MINOR)
        void fast(Http http) {
            http.get("api", "/health").expectFasterThan(Duration.ofMillis(200), Duration.ofMillis(500));
        }
    }
}
