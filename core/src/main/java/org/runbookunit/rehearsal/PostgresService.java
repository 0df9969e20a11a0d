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

    private final Spec spec;
    private PostgreSQLContainer container;
    private ToStringConsumer logs;
    private String engine;

    private PostgresService(Spec spec) {
        this.spec = spec;
    }

    /** Run an image by its ordinary name; on an air-gapped machine it is substituted by a local build. */
    public static PostgresService image(String image) {
        return new PostgresService(new Spec(image, "rehearsal", Optional.empty(), "rehearsal", "rehearsal-only",
                Optional.empty()));
    }

    /** Name the database to create. */
    public PostgresService database(String name) {
        return new PostgresService(new Spec(spec.image, name, spec.initScript, spec.user, spec.password, spec.network));
    }

    /** Run a class-path SQL script when the database is created, e.g. the schema and seed data. */
    public PostgresService initScript(String classpathResource) {
        return new PostgresService(new Spec(spec.image, spec.databaseName, Optional.of(classpathResource), spec.user,
                spec.password, spec.network));
    }

    /** Use these credentials (default {@code rehearsal} / {@code rehearsal-only}), e.g. to pass them to a service. */
    public PostgresService credentials(String userName, String userPassword) {
        return new PostgresService(new Spec(spec.image, spec.databaseName, spec.initScript, userName, userPassword,
                spec.network));
    }

    /** Join a Docker network as host {@code db}, so a service container reaches it at {@code db:5432}. */
    public PostgresService onNetwork(Network shared) {
        return new PostgresService(new Spec(spec.image, spec.databaseName, spec.initScript, spec.user, spec.password,
                Optional.of(shared)));
    }

    /** Tell whether another description runs the same thing: equal when every setting is equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PostgresService service && service.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    /** Describe what runs, without the password. */
    @Override
    public String toString() {
        return "PostgresService[" + spec.image + ", database " + spec.databaseName + ", user " + spec.user
                + spec.initScript.map(script -> ", init " + script).orElse("") + (spec.network.isPresent() ? ", on a network" : "") + "]";
    }

    /** What the service runs: every builder method copies it with one value changed. */
    private record Spec(String image, String databaseName, Optional<String> initScript, String user, String password,
            Optional<Network> network) {
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public void start() {
        engine = TestcontainersEngine.chosen();
        container = new PostgreSQLContainer(DockerImageName.parse(spec.image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName(spec.databaseName).withUsername(spec.user).withPassword(spec.password);
        logs = Containers.captureLogs(container);
        spec.network.ifPresent(network -> container.withNetwork(network).withNetworkAliases("db"));
        spec.initScript.ifPresent(script -> container.withCopyFileToContainer(MountableFile.forClasspathResource(script),
                "/docker-entrypoint-initdb.d/" + script.replaceAll(".*/", "")));
        container.start();
    }

    @Override
    public Optional<DatabaseSettings> database() {
        return Optional.of(new DatabaseSettings("jdbc:postgresql://" + TestcontainersEngine.portHost(container.getHost()) + ":"
                + container.getMappedPort(5432) + "/"
                + spec.databaseName, container.getUsername(), container.getPassword()));
    }

    @Override
    public Optional<String> engine() {
        return Optional.ofNullable(engine);
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
