package org.runbookunit.examples;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.examples.signalharvester.SchemaInit;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.testing.PostgresServer;
import org.runbookunit.testing.RedisServer;

/** The data services of seed 003's stack: PostgreSQL 15, its one-shot schema-init, and Redis 7. */
final class HarvesterServices {

    private HarvesterServices() {
    }

    /** Offer an empty database {@code signal_harvester_staging_N} of the machine's PostgreSQL. */
    static final class Db implements RehearsalService {
        private DatabaseSettings settings;

        @Override
        public String name() {
            return "db (local PostgreSQL)";
        }

        @Override
        public void start() {
            PostgresServer server = PostgresServer.shared();
            settings = server.superuser(server.createDatabase("signal_harvester_staging"));
        }

        DatabaseSettings settings() {
            return settings;
        }

        @Override
        public Optional<DatabaseSettings> database() {
            return Optional.ofNullable(settings);
        }

        @Override
        public void close() {
            // the shared server stops with the JVM
        }
    }

    /** Run the migrations once and exit, like the seed's {@code schema-init} compose service: the API starts after it. */
    static final class SchemaInitJob implements RehearsalService {
        private final Db db;
        private final StringBuilder log = new StringBuilder();

        SchemaInitJob(Db db) {
            this.db = db;
        }

        @Override
        public String name() {
            return "schema-init";
        }

        @Override
        public void start() throws Exception {
            DatabaseSettings settings = db.settings();
            SchemaInit.migrate(settings.url(), settings.user(), settings.password(), line -> log.append(line).append('\n'));
        }

        @Override
        public String logs() {
            return log.toString();
        }

        @Override
        public void close() {
            // a one-shot job: nothing left running
        }
    }

    /** Run Debian's redis-server on a loopback port, 64 MB maxmemory, offered as endpoint {@code redis}. */
    static final class Redis implements RehearsalService {
        private RedisServer server;

        @Override
        public String name() {
            return "redis";
        }

        @Override
        public void start() {
            server = RedisServer.start(64L * 1024 * 1024);
        }

        URI uri() {
            return URI.create(server.url());
        }

        /** Stop Redis, as a test that breaks the cache does. */
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }

        @Override
        public Map<String, URI> endpoints() {
            return Map.of("redis", uri());
        }
    }
}
