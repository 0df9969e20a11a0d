package org.runbookunit.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

/** Build an {@link Http} whose endpoint {@code api} points at a test server, with evidence in its own folder. */
final class HttpFixture {

    final Path reportDir = Path.of("target", "http-tests", UUID.randomUUID().toString()).toAbsolutePath();
    final Evidence evidence = new Evidence(reportDir, "1.1");

    Http http(URI api, Duration timeout) {
        return new Http(new RunbookEnvironment("test", Map.of("api", api)), timeout, evidence);
    }

    Http http(URI api) {
        return http(api, Duration.ofSeconds(5));
    }

    Path evidenceFile(int index) {
        return reportDir.resolve(evidence.items().get(index).path());
    }
}
