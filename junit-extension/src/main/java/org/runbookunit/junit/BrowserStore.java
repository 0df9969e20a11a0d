package org.runbookunit.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.dashboard.SharedBrowser;

/**
 * Keep the test run's one browser in the engine's root store: created when a step first asks for a {@code Dashboard},
 * started when it opens a page, closed by JUnit when the run ends (the store closes {@link AutoCloseable} values).
 */
final class BrowserStore {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserStore.class);

    private BrowserStore() {
    }

    static SharedBrowser shared(ExtensionContext context, RunbookSettings settings) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedBrowser.class,
                type -> new SharedBrowser(settings), SharedBrowser.class);
    }
}
