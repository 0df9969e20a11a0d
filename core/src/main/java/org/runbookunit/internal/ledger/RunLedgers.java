package org.runbookunit.internal.ledger;

import java.nio.file.Path;
import java.util.Optional;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.ledger.RunLedger;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.secrets.Secrets;

/**
 * Open the run ledger named by {@code runbook.ledger}: the embedded file store by default, a PostgreSQL table for a
 * {@code jdbc:postgresql://} URL, none for {@code off}.
 */
public final class RunLedgers {

    /** Where the embedded file store lives, relative to the working directory, when {@code runbook.ledger} is unset. */
    public static final Path DEFAULT_FOLDER = Path.of(".runbookunit", "ledger");

    private RunLedgers() {
    }

    /** Open the configured ledger, or return empty when it is {@code off}; a bad value fails naming the key. */
    public static Optional<RunLedger> open(RunbookSettings settings, Secrets secrets) {
        String location = settings.raw(ConfigKeys.LEDGER).orElse("");
        if (location.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        if (location.isEmpty()) {
            return Optional.of(new FileLedger(DEFAULT_FOLDER));
        }
        if (location.startsWith("jdbc:postgresql://")) {
            return Optional.of(new PostgresLedger(location, settings.raw(ConfigKeys.LEDGER_USER).orElse(""),
                    settings.raw(ConfigKeys.LEDGER_PASSWORD).orElse(""), settings.databaseTimeout(),
                    settings.databaseQueryTimeout(), secrets));
        }
        if (location.startsWith("jdbc:")) {
            throw new RunbookConfigurationException(ConfigKeys.LEDGER + " supports jdbc:postgresql:// URLs but was ["
                    + secrets.redact(location) + "]; use a PostgreSQL URL, a folder path for a file store, or off");
        }
        return Optional.of(new FileLedger(Path.of(location)));
    }
}
