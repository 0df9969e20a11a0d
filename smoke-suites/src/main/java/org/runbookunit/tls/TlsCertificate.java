package org.runbookunit.tls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Describe the certificate an endpoint presented, and check it.
 *
 * <pre>{@code
 * tls.certificate("api").expectValidForAtLeast(Duration.ofDays(14)).expectHostNameMatches().expectTrusted();
 * }</pre>
 *
 * @param endpoint the endpoint's name
 * @param host the host name that was connected to
 * @param subject the certificate's subject
 * @param issuer the certificate's issuer
 * @param notAfter when the certificate expires
 * @param names the DNS names and IP addresses the certificate is for (subject alternative names)
 * @param checkedAt when the handshake took place
 * @param trustProblem why the chain is not trusted, empty when it is (or when the environment ignores HTTPS errors)
 */
public record TlsCertificate(String endpoint, String host, String subject, String issuer, Instant notAfter,
        List<String> names, Instant checkedAt, Optional<String> trustProblem) {

    /** Freeze the names. */
    public TlsCertificate {
        names = List.copyOf(names);
    }

    /** Return how long the certificate stays valid from the handshake on; negative when it has expired. */
    public Duration remaining() {
        return Duration.between(checkedAt, notAfter);
    }

    /** Fail unless the certificate stays valid for at least this long, e.g. {@code Duration.ofDays(14)}. */
    public TlsCertificate expectValidForAtLeast(Duration least) {
        if (remaining().compareTo(least) < 0) {
            throw new TlsExpectationError("tls " + endpoint + " (" + host + "): expected the certificate to be valid for at"
                    + " least " + least.toDays() + " days but it " + (remaining().isNegative() ? "expired" : "expires")
                    + " on " + notAfter + " (" + remaining().toDays() + " days left); subject [" + subject + "]");
        }
        return this;
    }

    /** Fail unless the certificate names the host connected to. */
    public TlsCertificate expectHostNameMatches() {
        if (!HostNames.matches(host, names)) {
            throw new TlsExpectationError("tls " + endpoint + ": expected the certificate to name host [" + host
                    + "] but it names " + names + " (subject [" + subject + "])");
        }
        return this;
    }

    /** Fail unless the JVM's trust store trusts the chain. */
    public TlsCertificate expectTrusted() {
        trustProblem.ifPresent(problem -> {
            throw new TlsExpectationError("tls " + endpoint + " (" + host + "): the certificate chain is not trusted: "
                    + problem + "; issuer [" + issuer + "]");
        });
        return this;
    }
}
