package org.runbookunit.http;

import java.io.IOException;
import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.RunResources;
import org.runbookunit.spi.StepContext;

/** Provide {@link Http} to steps: deadline and body cap from the settings, relaxed TLS where the environment ignores HTTPS errors. */
public final class HttpProvider implements FacadeProvider<Http> {

    @Override
    public Class<Http> type() {
        return Http.class;
    }

    /** Send one request to a loopback server of its own, so the first HTTP step does not load REST Assured. */
    @Override
    public void prepare(RunResources shared) {
        try {
            WarmUp.run();
        } catch (IOException | RuntimeException notWarmed) {
            // the first step loads the classes itself
        }
    }

    @Override
    public Http open(StepContext step) {
        Http http = new Http(step.environment(), step.settings().httpTimeout(), step.evidence(), step.warnings())
                .withMaxBody(step.settings().httpMaxBody());
        return step.environment().ignoreHttpsErrors() ? http.withRelaxedTls() : http;
    }

    @Override
    public void verify(Http http) {
        http.verify();
    }

    @Override
    public void close(Http http) {
        // nothing to release: each call opens and closes its own connection
    }
}
