package org.runbookunit.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.runbookunit.secrets.Secrets;

/**
 * Turn an environment's {@code hosts:} entries into {@link HostSettings}: URLs parsed, files present, jumps known.
 * Relative file paths are relative to the working directory. Files are checked only when every variable resolved, so
 * a missing variable is reported as such and not as a missing file.
 */
final class HostResolver {

    private final String source;
    private final String environment;
    private final Variables variables;
    private final Secrets secrets;
    private final BooleanSupplier checkFiles;

    HostResolver(String source, String environment, Variables variables, Secrets secrets, BooleanSupplier checkFiles) {
        this.source = source;
        this.environment = environment;
        this.variables = variables;
        this.secrets = secrets;
        this.checkFiles = checkFiles;
    }

    Map<String, HostSettings> resolve(Map<String, ConfigModel.Host> raw) {
        Map<String, HostSettings> hosts = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((name, spec) -> hosts.put(name, host(name, spec == null ? new ConfigModel.Host() : spec)));
            hosts.values().forEach(host -> checkJump(host, hosts));
        }
        return hosts;
    }

    private HostSettings host(String name, ConfigModel.Host spec) {
        String key = key(name);
        boolean local = Boolean.TRUE.equals(spec.local);
        if (local) {
            if (spec.ssh != null || spec.identity != null || spec.knownHosts != null || spec.jump != null) {
                throw fail(key + " is local: true, so it takes no ssh, identity, known-hosts or jump; remove them or "
                        + "remove local: true");
            }
            return HostSettings.local(name);
        }
        if (spec.ssh == null || spec.ssh.isBlank()) {
            throw fail(key + " needs either ssh: \"ssh://user@host:port\" or local: true");
        }
        URI url = sshUrl(key, variables.resolve(spec.ssh));
        Path identity = file(key + ".identity", spec.identity, "the private key of " + url.getUserInfo()
                + ", e.g. identity: \"${SSH_KEY_FILE}\"", "");
        Path knownHosts = file(key + ".known-hosts", spec.knownHosts, "the OpenSSH known_hosts file its host key is "
                + "checked against, e.g. known-hosts: \"config/known_hosts\"", "; create it with: ssh-keyscan -p "
                + port(url) + " " + url.getHost() + " >> " + spec.knownHosts + " (check the fingerprint out of band)");
        HostSettings host = HostSettings.ssh(name, url.getUserInfo(), url.getHost(), port(url), identity, knownHosts);
        return spec.jump == null ? host : host.through(spec.jump);
    }

    private URI sshUrl(String key, String value) {
        try {
            URI url = URI.create(value.trim());
            if ("ssh".equals(url.getScheme()) && url.getHost() != null && url.getUserInfo() != null
                    && !url.getUserInfo().isBlank() && (url.getPath() == null || url.getPath().isEmpty())
                    && !url.getUserInfo().contains(":")) {
                return url;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below with the key and the value
        }
        throw fail(key + ".ssh must be an SSH URL with a user and no password, like ssh://deploy@app.staging.example:22, "
                + "but was [" + secrets.redact(value) + "]");
    }

    private Path file(String key, String template, String what, String howToCreate) {
        if (template == null || template.isBlank()) {
            throw fail(key + " is missing; name " + what);
        }
        String value = variables.resolve(template);
        Path file = Path.of(value);
        if (checkFiles.getAsBoolean() && !Files.isRegularFile(file)) {
            throw fail(key + " names a file that does not exist: [" + secrets.redact(file.toAbsolutePath().toString())
                    + "]" + (howToCreate.isEmpty() ? "; fix the path or export the variable it comes from" : howToCreate));
        }
        return file;
    }

    private void checkJump(HostSettings host, Map<String, HostSettings> hosts) {
        Set<String> seen = new HashSet<>();
        Optional<String> jump = host.jump();
        while (jump.isPresent()) {
            HostSettings via = hosts.get(jump.get());
            if (via == null || via.local()) {
                throw fail(key(host.name()) + ".jump names [" + jump.get() + "], which is not an ssh host of this "
                        + "environment; known hosts: " + hosts.keySet());
            }
            if (!seen.add(via.name()) || via.name().equals(host.name())) {
                throw fail(key(host.name()) + ".jump goes round in a circle through [" + via.name() + "]; one of the "
                        + "hosts must be reached directly");
            }
            jump = via.jump();
        }
    }

    private static int port(URI url) {
        return url.getPort() < 0 ? 22 : url.getPort();
    }

    private String key(String name) {
        return "environments." + environment + ".hosts." + name;
    }

    private RunbookConfigurationException fail(String message) {
        return new RunbookConfigurationException(source + ": " + message);
    }
}
