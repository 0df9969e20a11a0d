package org.runbookunit.secrets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *
 * <p>Runs that go on at once share each handler's redacting filter: each adds its secrets, every secret stays masked
 * while any of them runs, and the last to close puts the handler's own filter back.
 */
public final class RedactedLogging implements AutoCloseable {

    /** Guards the swap of handler filters, which the whole JVM shares; the state lives in the filters. */
    private static final Object SWAP = new Object();

    private final List<Installed> installed = new ArrayList<>();

    private RedactedLogging() {
    }

    /** Install the redacting filter on every handler there is now, or add these secrets to the one there. */
    public static RedactedLogging install(Secrets secrets) {
        RedactedLogging logging = new RedactedLogging();
        LogManager manager = LogManager.getLogManager();
        synchronized (SWAP) {
            for (String name : Collections.list(manager.getLoggerNames())) {
                Logger logger = manager.getLogger(name);
                if (logger != null) {
                    for (Handler handler : logger.getHandlers()) {
                        logging.installed.add(Installed.on(handler, secrets));
                    }
                }
            }
        }
        return logging;
    }

    @Override
    public void close() {
        synchronized (SWAP) {
            installed.forEach(Installed::release);
        }
    }

    /** One handler's redacting filter, the filter it had before, and how many runs use it. */
    private static final class Installed implements Filter {

        private final Handler handler;
        private final Filter previous;
        private final List<Secrets> secrets = new CopyOnWriteArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();
        private int uses;

        private Installed(Handler handler, Filter previous) {
            this.handler = handler;
            this.previous = previous;
        }

        static Installed on(Handler handler, Secrets secrets) {
            Installed installed = handler.getFilter() instanceof Installed shared ? shared
                    : new Installed(handler, handler.getFilter());
            installed.uses++;
            installed.secrets.add(secrets);
            handler.setFilter(installed);
            return installed;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            String message = formatter.formatMessage(record);
            String redacted = Secrets.redact(String.valueOf(message), secrets);
            if (!redacted.equals(String.valueOf(message))) {
                record.setMessage(redacted);
                record.setParameters(null);
                record.setResourceBundle(null);
            }
            for (Secrets each : secrets) {
                record.setThrown(RedactedThrowable.of(record.getThrown(), each));
            }
            return previous == null || previous.isLoggable(record);
        }

        void release() {
            if (--uses > 0) {
                return;
            }
            secrets.clear();
            if (handler.getFilter() == this) {
                handler.setFilter(previous);
            }
        }
    }
}
