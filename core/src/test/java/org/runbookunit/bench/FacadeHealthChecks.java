package org.runbookunit.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;
import org.runbookunit.http.Http;

/** Check {@code /health} through RunbookUnit's {@link Http} facade, evidence files included. */
final class FacadeHealthChecks implements HealthChecks {

    private final RunbookEnvironment environment;
    private final Duration timeout;
    private final Path reportDir;
    private int runs;

    FacadeHealthChecks(URI baseUri, Duration timeout, Path reportDir) {
        this.environment = new RunbookEnvironment("bench", Map.of("api", baseUri));
        this.timeout = timeout;
        this.reportDir = reportDir;
    }

    @Override
    public String name() {
        return "Http facade";
    }

    @Override
    public void run(int checks) {
        runs++;
        Http http = new Http(environment, timeout, new Evidence(reportDir, "run-" + runs));
        for (int i = 0; i < checks; i++) {
            http.get("api", "/health").expectStatus(200).expectJson("status", "healthy");
            http.verify();
        }
    }
}
