package org.runbookunit.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Say how to reach one host of an environment: the machine running the runbook ({@code local: true}), or an SSH
 * server with a user, a private key and the known-hosts file its host key is verified against.
 *
 * <pre>{@code
 * hosts:
 *   app: { ssh: "ssh://deploy@app.staging.example:22", identity: "${SSH_KEY_FILE}", known-hosts: "config/known_hosts" }
 *   bastion-app: { ssh: "ssh://deploy@10.0.0.5", identity: "keys/deploy", known-hosts: "config/known_hosts", jump: bastion }
 *   runner: { local: true }
 * }</pre>
 *
 * @param name the host's name in runbook.yaml, e.g. {@code app}
 * @param local whether commands run on this machine instead of over SSH
 * @param user the SSH user (empty when local)
 * @param hostname the SSH server's host name or address (empty when local)
 * @param port the SSH server's port (0 when local)
 * @param identity the private key file (a secret when it came from {@code ${VAR}}; never printed)
 * @param knownHosts the OpenSSH known-hosts file the server's key must be listed in
 * @param jump the name of the host to tunnel through, if any
 */
public record HostSettings(String name, boolean local, String user, String hostname, int port, Optional<Path> identity,
        Optional<Path> knownHosts, Optional<String> jump) {

    /** Describe the machine that runs the runbook. */
    public static HostSettings local(String name) {
        return new HostSettings(name, true, "", "", 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Describe an SSH server reached directly, its host key verified against {@code knownHosts}. */
    public static HostSettings ssh(String name, String user, String hostname, int port, Path identity, Path knownHosts) {
        return new HostSettings(name, false, user, hostname, port, Optional.of(identity), Optional.of(knownHosts),
                Optional.empty());
    }

    /** Return this host reached through the named jump host. */
    public HostSettings through(String jumpHost) {
        return new HostSettings(name, local, user, hostname, port, identity, knownHosts, Optional.of(jumpHost));
    }

    /** Return {@code user@host:port}, or {@code local}, for messages and evidence. */
    public String address() {
        return local ? "local" : user + "@" + hostname + ":" + port;
    }

    /** Return how known-hosts files name this server: {@code host} on port 22, else {@code [host]:port}. */
    public String knownHostsName() {
        return port == 22 ? hostname : "[" + hostname + "]:" + port;
    }

    @Override
    public String toString() {
        return "HostSettings[" + name + " " + address() + jump.map(via -> " via " + via).orElse("") + "]";
    }
}
