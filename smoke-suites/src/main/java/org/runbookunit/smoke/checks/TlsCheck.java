package org.runbookunit.smoke.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import org.runbookunit.smoke.spi.SmokeCheck;
import org.runbookunit.spi.StepContext;
import org.runbookunit.tls.Tls;
import org.runbookunit.tls.TlsCertificate;

/**
 * Check an https endpoint's certificate through {@link Tls}.
 *
 * <pre>{@code
 * - tls: { endpoint: api, valid-days: 14, host-name: true, trusted: true }
 * }</pre>
 *
 * <p>{@code trusted} defaults to true; an environment with {@code ignore-https-errors: true} never checks trust.
 */
public final class TlsCheck implements SmokeCheck {

    @JsonProperty("endpoint")
    String endpoint;
    @JsonProperty("valid-days")
    Integer validDays;
    @JsonProperty("host-name")
    Boolean hostName;
    @JsonProperty("trusted")
    Boolean trusted;

    /** Read by Jackson. */
    public TlsCheck() {
    }

    /** Check that an endpoint's certificate stays valid for some days and names its host. */
    public static TlsCheck validFor(String endpoint, int days) {
        TlsCheck check = new TlsCheck();
        check.endpoint = endpoint;
        check.validDays = days;
        check.hostName = true;
        return check;
    }

    @Override
    public void validate() {
        Checks.required(endpoint, "endpoint", "api");
        if (validDays != null && validDays < 0) {
            throw new IllegalArgumentException("valid-days must be >= 0 but was [" + validDays + "]");
        }
    }

    @Override
    public String describe() {
        return "TLS " + endpoint + (validDays == null ? "" : " valid ≥ " + validDays + " days")
                + (Boolean.FALSE.equals(hostName) ? "" : ", host name matches");
    }

    @Override
    public void run(StepContext context) {
        TlsCertificate certificate = context.facade(Tls.class).certificate(endpoint);
        if (validDays != null) {
            certificate.expectValidForAtLeast(Duration.ofDays(validDays));
        }
        if (!Boolean.FALSE.equals(hostName)) {
            certificate.expectHostNameMatches();
        }
        if (!Boolean.FALSE.equals(trusted)) {
            certificate.expectTrusted();
        }
    }
}
