package org.runbookunit.rehearsal;

import java.util.Optional;
import org.runbookunit.config.DatabaseSettings;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.ToStringConsumer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Run PostgreSQL in a container (Testcontainers' {@code PostgreSQLContainer}) and offer it as the environment's
 * database, optionally seeded by init scripts from the class path.
 *
 * <pre>{@code
 * PostgresService.image("postgres:16-alpine").database("airdemand").initScript("db/schema.sql")
 * }</pre>
 */
public final class PostgresService implements RehearsalService {

    private final String image;
    private final String databaseName;
    private final Optional<String> initScript;
    private String user = "rehearsal";
    private String password = "rehearsal-only";
    private Network network;
    private PostgreSQLContainer container;
    private ToStringConsumer logs;

    private PostgresService(String image, String databaseName, Optional<String> initScript) {
        this.image = image;
        this.databaseName = databaseName;
        this.initScript = initScript;
    }

    /** Run an image by its ordinary name; on an air-gapped machine it is substituted by a local build. */
    public static PostgresService image(String image) {
        return new PostgresService(image, "rehearsal", Optional.empty());
    }

    /** Name the database to create. */
    public PostgresService database(String name) {
        return new PostgresService(image, name, initScript);
    }

    /** Run a class-path SQL script when the database is created, e.g. the schema and seed data. */
    public PostgresService initScript(String classpathResource) {
        return new PostgresService(image, databaseName, Optional.of(classpathResource));
    }

    /** Use these credentials (default {@code rehearsal} / {@code rehearsal-only}), e.g. to pass them to a service. */
    public PostgresService credentials(String userName, String userPassword) {
        this.user = userName;
        this.password = userPassword;
        return this;
    }

    /** Join a Docker network as host {@code db}, so a service container reaches it at {@code db:5432}. */
    public PostgresService onNetwork(Network shared) {
        this.network = shared;
        return this;
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public void start() {
        container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName(databaseName).withUsername(user).withPassword(password);
        logs = Containers.captureLogs(container);
        if (network != null) {
            container.withNetwork(network).withNetworkAliases("db");
        }
        initScript.ifPresent(script -> container.withCopyFileToContainer(MountableFile.forClasspathResource(script),
                "/docker-entrypoint-initdb.d/" + script.replaceAll(".*/", "")));
        container.start();
    }

    @Override
    public Optional<DatabaseSettings> database() {
        return Optional.of(new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + container.getMappedPort(5432) + "/"
                + databaseName, container.getUsername(), container.getPassword()));
    }

    /** Return the container, for tests that stop the database on purpose. */
    public PostgreSQLContainer container() {
        return container;
    }

    @Override
    public String logs() {
        return Containers.logs(logs);
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
    }
}
