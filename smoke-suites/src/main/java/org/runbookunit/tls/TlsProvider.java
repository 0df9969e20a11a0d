package org.runbookunit.tls;

import org.runbookunit.spi.FacadeProvider;
import org.runbookunit.spi.StepContext;

/** Provide {@link Tls} to steps, with the HTTP timeout as the deadline of connect and handshake. */
public final class TlsProvider implements FacadeProvider<Tls> {

    @Override
    public Class<Tls> type() {
        return Tls.class;
    }

    @Override
    public Tls open(StepContext step) {
        return new Tls(step.environment(), step.settings().httpTimeout(), step.evidence());
    }
}
