package org.runbookunit.shell;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.runbookunit.config.HostSettings;

/**
 * Accept a server only when its host key is listed for the configured host name in the configured known-hosts file;
 * remember why it was refused, with the fingerprint and the line that would trust it. The name checked is the
 * configured one even through a jump host's tunnel.
 */
final class KnownHostsVerifier implements ServerKeyVerifier {

    private final HostSettings host;
    private volatile Optional<String> refusal = Optional.empty();

    KnownHostsVerifier(HostSettings host) {
        this.host = host;
    }

    /** Return why the server's key was refused, if it was. */
    Optional<String> refusal() {
        return refusal;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        Path file = host.knownHosts().orElseThrow();
        List<KnownHostEntry> entries;
        try {
            entries = KnownHostEntry.readKnownHostEntries(file);
        } catch (IOException unreadable) {
            return refuse("cannot read known-hosts file [" + file + "]: " + unreadable.getMessage());
        }
        boolean listed = false;
        Set<String> otherTypes = new TreeSet<>();
        for (KnownHostEntry entry : entries) {
            if (entry.isHostMatch(host.hostname(), host.port()) && entry.getKeyEntry() != null) {
                Optional<PublicKey> known = key(entry, session);
                if (known.isEmpty()) {
                    continue;
                }
                if (!KeyUtils.getKeyType(known.get()).equals(KeyUtils.getKeyType(serverKey))) {
                    otherTypes.add(KeyUtils.getKeyType(known.get()));
                    continue;
                }
                if ("@revoked".equals(entry.getMarker()) && KeyUtils.compareKeys(known.get(), serverKey)) {
                    return refuse("the host key of [" + host.name() + "] " + host.address() + " (" + fingerprint(serverKey)
                            + ") is marked @revoked in [" + file + "]");
                }
                if (KeyUtils.compareKeys(known.get(), serverKey)) {
                    return true;
                }
                listed = true;
            }
        }
        if (listed) {
            return refuse(changed(file, serverKey));
        }
        return refuse(unknown(file, serverKey) + (otherTypes.isEmpty() ? "" : " (the file lists only key types "
                + otherTypes + " for this host)"));
    }

    private String unknown(Path file, PublicKey serverKey) {
        return "the host key of [" + host.name() + "] " + host.address() + " is unknown: " + KeyUtils.getKeyType(serverKey)
                + " " + fingerprint(serverKey) + " is not listed for [" + host.knownHostsName() + "] in known-hosts file ["
                + file + "]. If that fingerprint is the server's (check it on the server: ssh-keygen -lf "
                + "/etc/ssh/ssh_host_" + keyFile(serverKey) + "_key.pub), trust it with: ssh-keyscan -p " + host.port()
                + " " + host.hostname() + " >> " + file + "; it can also be added as the line: " + line(serverKey);
    }

    private String changed(Path file, PublicKey serverKey) {
        return "the host key of [" + host.name() + "] " + host.address() + " CHANGED: the server offers "
                + KeyUtils.getKeyType(serverKey) + " " + fingerprint(serverKey) + ", which is not the key listed for ["
                + host.knownHostsName() + "] in [" + file + "]. Someone may be intercepting the connection, or the host "
                + "was rebuilt; if it was rebuilt, check the new fingerprint on the server, then remove the old line with "
                + "ssh-keygen -R '" + host.knownHostsName() + "' -f " + file + " and add: " + line(serverKey);
    }

    private String line(PublicKey serverKey) {
        return host.knownHostsName() + " " + PublicKeyEntry.toString(serverKey);
    }

    private static String keyFile(PublicKey key) {
        String type = KeyUtils.getKeyType(key);
        return type.startsWith("ssh-ed25519") ? "ed25519" : type.startsWith("ecdsa") ? "ecdsa" : "rsa";
    }

    private static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    private static Optional<PublicKey> key(KnownHostEntry entry, ClientSession session) {
        try {
            return Optional.ofNullable(entry.getKeyEntry().resolvePublicKey(session, null,
                    PublicKeyEntryResolver.IGNORING));
        } catch (IOException | GeneralSecurityException unreadable) {
            return Optional.empty();
        }
    }

    private boolean refuse(String reason) {
        refusal = Optional.of(reason);
        return false;
    }
}
