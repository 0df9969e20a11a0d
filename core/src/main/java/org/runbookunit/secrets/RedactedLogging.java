package org.runbookunit.secrets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Redact java.util.logging while a run goes on: every handler of every logger gets a filter that formats each record's
 * message, replaces the secrets in it and in its throwable, and then lets the handler's own filter decide. The JDK's
 * {@code ConsoleHandler} holds the {@code System.err} of JVM start-up, so redacting the console alone misses it.
 * Closing puts the handlers' own filters back. (SLF4J's simple binding writes to the current {@code System.err},
 * which the console redaction covers.)
 */
public final class RedactedLogging implements AutoCloseable {

    private final List<Installed> installed = new ArrayList<>();

    private RedactedLogging() {
    }

    /** Install the redacting filter on every handler there is now. */
    public static RedactedLogging install(Secrets secrets) {
        RedactedLogging logging = new RedactedLogging();
        LogManager manager = LogManager.getLogManager();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null) {
                for (Handler handler : logger.getHandlers()) {
                    logging.installed.add(new Installed(handler, handler.getFilter(), secrets));
                }
            }
        }
        return logging;
    }

    @Override
    public void close() {
        installed.forEach(Installed::restore);
    }

    /** One handler's redacting filter and the filter it had before. */
    private static final class Installed implements Filter {

        private final Handler handler;
        private final Filter previous;
        private final Secrets secrets;
        private final SimpleFormatter formatter = new SimpleFormatter();

        Installed(Handler handler, Filter previous, Secrets secrets) {
            this.handler = handler;
            this.previous = previous;
            this.secrets = secrets;
            handler.setFilter(this);
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            String message = formatter.formatMessage(record);
            if (secrets.leakIn(String.valueOf(message)).isPresent()) {
                record.setMessage(secrets.redact(message));
                record.setParameters(null);
                record.setResourceBundle(null);
            }
            record.setThrown(RedactedThrowable.of(record.getThrown(), secrets));
            return previous == null || previous.isLoggable(record);
        }

        void restore() {
            if (handler.getFilter() == this) {
                handler.setFilter(previous);
            }
        }
    }
}
