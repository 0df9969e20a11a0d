package org.runbookunit.tls;

import java.util.List;
import java.util.Locale;

/**
 * Match a host against a certificate's names as RFC 6125 says: exact, or a wildcard for one left-most label. The JDK
 * does this only inside a handshake's trust check, which cannot tell a name mismatch from an untrusted chain.
 */
final class HostNames {

    private HostNames() {
    }

    static boolean matches(String host, List<String> names) {
        String wanted = host.toLowerCase(Locale.ROOT);
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).anyMatch(name -> name.equals(wanted)
                || name.startsWith("*.") && wanted.indexOf('.') > 0
                && wanted.substring(wanted.indexOf('.')).equals(name.substring(1)));
    }
}
