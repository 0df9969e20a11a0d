package org.runbookunit.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;
import org.runbookunit.config.DatabaseSettings;

/**
 * Say which PostgreSQL database a client tool connects to; the password travels in {@code PGPASSWORD}, never on a
 * command line, and never appears in {@link #toString()}.
 *
 * @param host the host (the first one, when the URL names several)
 * @param port the port
 * @param database the database name
 * @param user the user
 * @param password the password, or empty
 * @param sslMode the URL's {@code sslmode}, or empty
 * @param connectTimeoutSeconds libpq's {@code PGCONNECT_TIMEOUT}
 */
public record PostgresTarget(String host, int port, String database, String user, String password, String sslMode,
        long connectTimeoutSeconds) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]*)/([^?]*)(\\?.*)?");
    private static final int DEFAULT_PORT = 5432;

    /** Read the target from settings whose URL looks like {@code jdbc:postgresql://host:port/database?params}. */
    static PostgresTarget of(DatabaseSettings settings, java.time.Duration connectTimeout) {
        Properties parsed = Driver.parseURL(settings.url(), new Properties());
        if (parsed == null || !URL.matcher(settings.url()).matches()) {
            throw new IllegalArgumentException("Postgres needs a URL like jdbc:postgresql://host:5432/database but the "
                    + "environment's database url is not one");
        }
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        String port = parsed.getProperty("PGPORT", String.valueOf(DEFAULT_PORT)).split(",")[0];
        String user = settings.user() != null && !settings.user().isEmpty() ? settings.user() : parsed.getProperty("user", "");
        String password = settings.password() != null ? settings.password() : parsed.getProperty("password", "");
        return new PostgresTarget(host, Integer.parseInt(port.isEmpty() ? String.valueOf(DEFAULT_PORT) : port),
                parsed.getProperty("PGDBNAME"), user, password, parsed.getProperty("sslmode", ""),
                Math.max(2, Dialect.seconds(connectTimeout)));
    }

    /** Return settings for another database of the same server, keeping host, port, parameters and credentials. */
    static DatabaseSettings settingsFor(DatabaseSettings settings, String otherDatabase) {
        Matcher matcher = URL.matcher(settings.url());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Postgres needs a URL like jdbc:postgresql://host:5432/database");
        }
        String url = "jdbc:postgresql://" + matcher.group(1) + "/" + otherDatabase
                + (matcher.group(3) == null ? "" : matcher.group(3));
        return new DatabaseSettings(url, settings.user(), settings.password());
    }

    /** Return a copy pointing at another database of the same server. */
    public PostgresTarget withDatabase(String otherDatabase) {
        return new PostgresTarget(host, port, otherDatabase, user, password, sslMode, connectTimeoutSeconds);
    }

    /** Return the libpq environment variables that make a client tool connect here ({@code PGHOST}, {@code PGPASSWORD}, …). */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PGHOST", host);
        environment.put("PGPORT", String.valueOf(port));
        environment.put("PGDATABASE", database);
        environment.put("PGUSER", user);
        environment.put("PGPASSWORD", password);
        environment.put("PGCONNECT_TIMEOUT", String.valueOf(connectTimeoutSeconds));
        environment.put("PGAPPNAME", "runbookunit");
        if (!sslMode.isEmpty()) {
            environment.put("PGSSLMODE", sslMode);
        }
        return environment;
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + database;
    }
}
