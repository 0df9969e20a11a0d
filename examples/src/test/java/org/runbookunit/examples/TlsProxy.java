package org.runbookunit.examples;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.runbookunit.rehearsal.ProcessService;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.testing.Daemon;

/**
 * Put TLS (a self-signed certificate made by openssl) and basic authentication in front of Prometheus and
 * Alertmanager, as the seed's Caddy does: Debian's nginx as a process, offering {@code prometheus} and
 * {@code alertmanager} as {@code https://user:password@127.0.0.1:port}. The passwords are made for each run.
 */
final class TlsProxy implements RehearsalService {

    private final Path nginxBinary;
    private final Path folder;
    private final int prometheusPort;
    private final int alertmanagerPort;
    private final int prometheusTls = Daemon.freePort();
    private final int alertmanagerTls = Daemon.freePort();
    private final int status = Daemon.freePort();
    private final String metricsPassword = randomPassword();
    private final String alertsPassword = randomPassword();
    private ProcessService nginx;

    TlsProxy(Path nginxBinary, Path folder, int prometheusPort, int alertmanagerPort) {
        this.nginxBinary = nginxBinary;
        this.folder = folder;
        this.prometheusPort = prometheusPort;
        this.alertmanagerPort = alertmanagerPort;
    }

    @Override
    public String name() {
        return "tls-proxy (nginx)";
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(folder);
        certificate();
        Files.writeString(folder.resolve("htpasswd"), "metrics:" + sha(metricsPassword) + "\nalerts:" + sha(alertsPassword) + "\n");
        Files.writeString(folder.resolve("nginx.conf"), config());
        nginx = ProcessService.command("tls-proxy", List.of(nginxBinary.toString(), "-p", folder.toString(), "-c",
                folder.resolve("nginx.conf").toString())).endpoint("tls-proxy-status", status, "/healthz");
        nginx.start();
    }

    @Override
    public Map<String, URI> endpoints() {
        return Map.of("prometheus", URI.create("https://metrics:" + metricsPassword + "@127.0.0.1:" + prometheusTls),
                "alertmanager", URI.create("https://alerts:" + alertsPassword + "@127.0.0.1:" + alertmanagerTls));
    }

    @Override
    public String logs() {
        return nginx == null ? "" : nginx.logs();
    }

    @Override
    public void close() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private String config() {
        String temp = folder.resolve("tmp").toString();
        return String.join("\n", "worker_processes 1;", "daemon off;", "pid " + folder.resolve("nginx.pid") + ";",
                "error_log stderr warn;", "events { worker_connections 64; }", "http {", "  access_log off;",
                "  client_body_temp_path " + temp + "-body; proxy_temp_path " + temp + "-proxy;",
                "  fastcgi_temp_path " + temp + "-fcgi; uwsgi_temp_path " + temp + "-uwsgi; scgi_temp_path " + temp + "-scgi;",
                server(prometheusTls, prometheusPort, "prometheus"), server(alertmanagerTls, alertmanagerPort, "alertmanager"),
                "  server { listen 127.0.0.1:" + status + "; location = /healthz { return 200 \"ok\\n\"; } }", "}", "");
    }

    private String server(int listen, int upstream, String realm) {
        return "  server { listen 127.0.0.1:" + listen + " ssl; ssl_certificate " + folder.resolve("cert.pem")
                + "; ssl_certificate_key " + folder.resolve("key.pem") + "; auth_basic \"" + realm + "\"; auth_basic_user_file "
                + folder.resolve("htpasswd") + "; location / { proxy_pass http://127.0.0.1:" + upstream
                + "; proxy_read_timeout 10s; } }";
    }

    private void certificate() throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=prometheus.staging.localhost", "-keyout", folder.resolve("key.pem").toString(), "-out",
                folder.resolve("cert.pem").toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("openssl.log").toFile()).start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            openssl.destroyForcibly();
            throw new IOException("openssl could not make the certificate: " + Files.readString(folder.resolve("openssl.log")));
        }
    }

    /** Write a password as nginx's {SHA} htpasswd entry: the Base64 of its SHA-1. */
    private static String sha(String password) throws NoSuchAlgorithmException {
        return "{SHA}" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "rehearsal-" + HexFormat.of().formatHex(bytes);
    }
}
