package org.runbookunit.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.runbookunit.config.HostSettings;
import org.runbookunit.internal.process.ProcessResult;

/**
 * Hold one authenticated SSH session to one host (through its jump host's tunnel when it has one) and run commands on
 * it. Only the configured key is offered, only public-key authentication is tried, no ~/.ssh/config is read.
 */
final class SshConnection implements CommandRunner {

    private final HostSettings host;
    private final SshClient client;
    private final ClientSession session;
    private final Optional<SshConnection> jump;
    private final Optional<ExplicitPortForwardingTracker> tunnel;

    private SshConnection(HostSettings host, SshClient client, ClientSession session, Optional<SshConnection> jump,
            Optional<ExplicitPortForwardingTracker> tunnel) {
        this.host = host;
        this.client = client;
        this.session = session;
        this.jump = jump;
        this.tunnel = tunnel;
    }

    /** Connect and authenticate within the deadline, through {@code jump} when given. */
    static SshConnection open(HostSettings host, Optional<SshConnection> jump, Duration timeout) {
        KnownHostsVerifier verifier = new KnownHostsVerifier(host);
        KeyPair key = identity(host);
        SshClient client = client(verifier);
        Optional<ExplicitPortForwardingTracker> tunnel = Optional.empty();
        try {
            String address = host.hostname();
            int port = host.port();
            if (jump.isPresent()) {
                tunnel = Optional.of(jump.get().session.createLocalPortForwardingTracker(
                        new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(host.hostname(), host.port())));
                address = "127.0.0.1";
                port = tunnel.get().getBoundAddress().getPort();
            }
            ClientSession session = client.connect(host.user(), address, port).verify(timeout).getSession();
            session.addPublicKeyIdentity(key);
            session.auth().verify(timeout);
            return new SshConnection(host, client, session, jump, tunnel);
        } catch (IOException | RuntimeException failure) {
            client.stop();
            tunnel.ifPresent(SshConnection::closeQuietly);
            throw new ShellException(verifier.refusal().orElseGet(() -> cannotConnect(host, jump, failure)), failure);
        }
    }

    /** Tell whether the session is still up, so a dropped one is reopened instead of failing every later step. */
    boolean isOpen() {
        return session.isOpen() && session.isAuthenticated();
    }

    @Override
    public ProcessResult run(String command, Duration timeout, int cap) {
        return new SshExec(session, host).run(command, timeout, cap);
    }

    @Override
    public void download(String remotePath, Path localFile, Duration timeout) {
        new SftpDownload(session, host).copy(remotePath, localFile, timeout);
    }

    @Override
    public void close() {
        try {
            session.close(false).await(Duration.ofSeconds(5));
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        } finally {
            client.stop();
            tunnel.ifPresent(SshConnection::closeQuietly);
        }
    }

    private static SshClient client(KnownHostsVerifier verifier) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(verifier);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.start();
        return client;
    }

    private static KeyPair identity(HostSettings host) {
        Path file = host.identity().orElseThrow();
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(host.name()), in, null);
            if (keys != null && keys.iterator().hasNext()) {
                return keys.iterator().next();
            }
        } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
            throw new ShellException("the identity of host [" + host.name() + "] cannot be read as an unencrypted "
                    + "OpenSSH or PEM private key: " + unreadable.getMessage() + "; point identity at a private key "
                    + "without a passphrase (a deploy key), e.g. one made with ssh-keygen -t ed25519 -N ''", unreadable);
        }
        throw new ShellException("the identity of host [" + host.name() + "] holds no private key; point identity at "
                + "a private key file, not the .pub");
    }

    private static String cannotConnect(HostSettings host, Optional<SshConnection> jump, Exception failure) {
        String via = jump.map(j -> " through jump host [" + j.host.name() + "]").orElse("");
        String reason = String.valueOf(failure.getMessage());
        if (reason.contains("No more authentication methods")) {
            return "host [" + host.name() + "] " + host.address() + via + " refused the configured identity: its public "
                    + "key is not in the authorized_keys of [" + host.user() + "] there; add the identity's .pub to "
                    + "~" + host.user() + "/.ssh/authorized_keys on the host or fix identity";
        }
        return "cannot open an SSH session to host [" + host.name() + "] " + host.address() + via + ": " + reason;
    }

    private static void closeQuietly(ExplicitPortForwardingTracker tunnel) {
        try {
            tunnel.close();
        } catch (IOException ignored) {
            // the jump session closes it anyway
        }
    }
}
