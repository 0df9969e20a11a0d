package org.runbookunit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.testing.SilentServer;

/** Bad input and broken databases: each failure names the target, the statement or the fix, and never a password. */
class DatabaseFailureTests {

    private static final String PASSWORD_WITH_URL_CHARACTERS = "p@ss:w/rd%41#?&";

    private final PgFixture fixture = new PgFixture();
    private final String name = fixture.airDemand();

    @Test
    void aWrongPasswordNamesTheUserAndTheFixButNotThePassword() {
        DatabaseSettings wrong = new DatabaseSettings(fixture.server.url(name), "postgres", "not-the-password");

        try (Database db = fixture.database(wrong, DatabaseOptions.defaults("staging"))) {
            assertThatThrownBy(() -> db.count("roles")).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("cannot connect to [" + fixture.server.url(name) + "] as [postgres] within 10s: ")
                    .hasMessageContaining("password authentication failed for user \"postgres\"")
                    .hasMessageContaining("[SQLState 28P01]; check the user and password of environments.staging.database")
                    .hasMessageNotContaining("not-the-password");
        }
    }

    @Test
    void aClosedPortFailsAtOnceNamingHostAndPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/app", "app", "pw-123");

        try (Database db = fixture.database(settings, DatabaseOptions.defaults("staging").withConnectTimeout(Duration.ofSeconds(2)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> db.count("roles")).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("within 2s: ")
                    .hasMessageContaining("127.0.0.1:" + closedPort)
                    .hasMessageContaining("check that the database is up and reachable from here");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aServerThatNeverAnswersFailsAtTheConnectTimeout() throws IOException {
        try (SilentServer silent = SilentServer.start()) {
            DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + silent.uri().getPort() + "/app",
                    "app", "pw-123");
            try (Database db = fixture.database(settings, DatabaseOptions.defaults("staging")
                    .withConnectTimeout(Duration.ofSeconds(1)))) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> db.query("SELECT 1")).isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("within 1s: ");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            }
            assertThat(silent.connections()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aSqlErrorShowsTheStatementWithACaretAtThePosition() {
        try (Database db = fixture.database(name)) {
            assertThatThrownBy(() -> db.query("SELECT id,\n       nme\n  FROM roles")).isInstanceOf(DatabaseException.class)
                    .hasMessage("SQL failed on [" + fixture.server.url(name) + "]: ERROR: column \"nme\" does not exist"
                            + " [SQLState 42703]\n"
                            + "  SELECT id,\n"
                            + "         nme\n"
                            + "         ^ position 19\n"
                            + "    FROM roles");
        }
    }

    @Test
    void aPasswordWithUrlCharactersConnects() {
        fixture.server.execute(name, "CREATE ROLE runbook_special LOGIN PASSWORD '" + PASSWORD_WITH_URL_CHARACTERS + "'",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO runbook_special");
        DatabaseSettings settings = new DatabaseSettings(fixture.server.url(name), "runbook_special",
                PASSWORD_WITH_URL_CHARACTERS);

        try (Database db = fixture.database(settings, DatabaseOptions.defaults("staging"))) {
            assertThat(db.count("roles")).isEqualTo(747);
        }
    }

    @Test
    void aReadOnlyConnectionRefusesAWriteNamingTheEnvironment() {
        DatabaseOptions readOnly = DatabaseOptions.defaults("production").withReadOnly(true);

        try (Database db = fixture.database(fixture.server.superuser(name), readOnly)) {
            assertThat(db.query("SHOW default_transaction_read_only").value()).isEqualTo("on");
            assertThatThrownBy(() -> db.execute("INSERT INTO companies (name) VALUES (?)", "Initech"))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("write refused: environment [production] is read-only")
                    .hasMessageContaining("cannot execute INSERT in a read-only transaction [SQLState 25006]")
                    .hasMessageContaining("  INSERT INTO companies (name) VALUES (?)");
            assertThat(db.count("companies")).isEqualTo(11);
        }
    }

    @Test
    void aStatementOverTheQueryTimeoutIsCancelled() {
        DatabaseOptions options = new DatabaseOptions("staging", Duration.ofSeconds(5), Duration.ofSeconds(1), false);

        try (Database db = fixture.database(fixture.server.superuser(name), options)) {
            assertThatThrownBy(() -> db.query("SELECT pg_sleep(30)")).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("statement cancelled on [" + fixture.server.url(name)
                            + "] after runbook.database.query-timeout [1s]");
        }
    }
}
