package org.runbookunit.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.evidence.Evidence;

/**
 * Read the TLS certificate an endpoint presents, with the JDK's own TLS stack and a deadline on connect and handshake.
 *
 * <pre>{@code
 * void certificate(Tls tls) {
 *     tls.certificate("api").expectValidForAtLeast(Duration.ofDays(14)).expectHostNameMatches();
 * }
 * }</pre>
 *
 * <p>The handshake always completes so an expired or untrusted certificate can be described; whether the JVM's trust
 * store trusts the chain is kept in {@link TlsCertificate#trustProblem()}, unless the environment ignores HTTPS errors.
 */
public final class Tls {

    private final RunbookEnvironment environment;
    private final Duration timeout;
    private final Evidence evidence;

    /**
     * Create the facade for one step.
     *
     * @param timeout the deadline of the connect and of the handshake
     */
    public Tls(RunbookEnvironment environment, Duration timeout, Evidence evidence) {
        this.environment = environment;
        this.timeout = timeout;
        this.evidence = evidence;
    }

    /** Connect to an https endpoint, shake hands and return its certificate; the certificate is saved as evidence. */
    public TlsCertificate certificate(String endpoint) {
        URI uri = environment.endpoint(endpoint);
        if (!"https".equals(uri.getScheme())) {
            throw new TlsExpectationError("tls " + endpoint + ": the endpoint is [" + environment.secrets().redact(
                    uri.toString()) + "], not https; check a certificate on an https endpoint only");
        }
        String host = uri.getHost().replaceAll("^\\[|]$", "");
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        CapturingTrust trust = new CapturingTrust();
        try (Socket plain = new Socket()) {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            plain.connect(new InetSocketAddress(host, port), millis);
            plain.setSoTimeout(millis);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {trust}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
                if (!host.contains(":") && !host.matches("[0-9.]+")) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                    socket.setSSLParameters(parameters);
                }
                socket.startHandshake();
            }
        } catch (IOException | GeneralSecurityException failure) {
            throw new TlsExpectationError("tls " + endpoint + ": no TLS handshake with " + host + ":" + port + " within "
                    + timeout.toMillis() + " ms: " + failure, failure);
        }
        TlsCertificate certificate = describe(endpoint, host, trust);
        evidence.text("tls certificate " + endpoint, "endpoint: " + endpoint + "\nhost: " + host + "\nsubject: "
                + certificate.subject() + "\nissuer: " + certificate.issuer() + "\nnot after: " + certificate.notAfter()
                + "\nnames: " + certificate.names() + "\ntrust: " + certificate.trustProblem().orElse("trusted"));
        return certificate;
    }

    private TlsCertificate describe(String endpoint, String host, CapturingTrust trust) {
        X509Certificate[] chain = trust.chain;
        if (chain == null || chain.length == 0) {
            throw new TlsExpectationError("tls " + endpoint + ": " + host + " sent no certificate");
        }
        X509Certificate leaf = chain[0];
        Optional<String> trustProblem = environment.ignoreHttpsErrors() ? Optional.empty() : trustProblem(chain, trust.authType);
        return new TlsCertificate(endpoint, host, leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), leaf.getNotAfter().toInstant(), names(leaf), Instant.now(),
                trustProblem);
    }

    private static Optional<String> trustProblem(X509Certificate[] chain, String authType) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (javax.net.ssl.TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    x509.checkServerTrusted(chain, authType);
                }
            }
            return Optional.empty();
        } catch (GeneralSecurityException untrusted) {
            return Optional.of(String.valueOf(untrusted.getMessage()));
        }
    }

    private static List<String> names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            if (leaf.getSubjectAlternativeNames() != null) {
                leaf.getSubjectAlternativeNames().stream().filter(name -> name.size() == 2)
                        .filter(name -> Integer.valueOf(2).equals(name.get(0)) || Integer.valueOf(7).equals(name.get(0)))
                        .forEach(name -> names.add(String.valueOf(name.get(1))));
            }
        } catch (CertificateParsingException unreadable) {
            // no usable alternative names: fall back to the common name below, as old clients do
        }
        if (names.isEmpty()) {
            String subject = leaf.getSubjectX500Principal().getName();
            java.util.regex.Matcher cn = java.util.regex.Pattern.compile("(?:^|,)CN=([^,]+)").matcher(subject);
            if (cn.find()) {
                names.add(cn.group(1));
            }
        }
        return names;
    }

    /** Accept any chain during the handshake and keep it, so the certificate can be described and then judged. */
    private static final class CapturingTrust implements X509TrustManager {
        private X509Certificate[] chain;
        private String authType;

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String type) {
            throw new UnsupportedOperationException("a smoke check is never a TLS server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String type) {
            this.chain = certificates.clone();
            this.authType = type;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
