package org.runbookunit.dashboard;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Hold one step's browser tab: its page session, the page being checked, and the hosts its pages may reach. */
final class Tab {

    final Set<String> allowedHosts = ConcurrentHashMap.newKeySet();
    PageSession page;
    PageVisit visit;

    void allow(String host) {
        allowedHosts.add(host.toLowerCase(Locale.ROOT));
    }
}
