package org.runbookunit.examples;

import java.nio.file.Path;
import java.util.List;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.examples.airdemand.AirDemandService;
import org.runbookunit.examples.airdemand.PostgresRoleStore;
import org.runbookunit.rehearsal.ContainerService;
import org.runbookunit.rehearsal.Docker;
import org.runbookunit.rehearsal.InProcessService;
import org.runbookunit.rehearsal.PostgresService;
import org.runbookunit.rehearsal.RehearsalService;
import org.runbookunit.rehearsal.RehearsalStack;
import org.testcontainers.containers.Network;

/**
 * The "Local Docker Services" of seed 000: PostgreSQL and the air-demand API in containers, the API keeping its roles
 * in that PostgreSQL. Without a Docker engine (a developer laptop), PostgreSQL runs from the machine's binaries and the
 * API in this JVM, and the console says so.
 */
public class AirDemandStack extends RehearsalStack {

    static final String ADMIN_TOKEN = SampleServiceSession.LOCAL_ADMIN_TOKEN;

    @Override
    protected List<RehearsalService> services() {
        if (!Docker.available()) {
            System.out.println("[rehearsal] no Docker engine answers: PostgreSQL runs from the machine's binaries and the "
                    + "air-demand API in-process (start an engine with scripts/airgap-docker.sh)");
            return withoutDocker();
        }
        return inContainers();
    }

    /** Run PostgreSQL from the machine's binaries and the API in this JVM. */
    static List<RehearsalService> withoutDocker() {
        LocalPostgresService database = new LocalPostgresService();
        return List.of(database, InProcessService.http("api", () -> {
            DatabaseSettings db = database.settings();
            AirDemandService service = AirDemandService.start(0,
                    new PostgresRoleStore(db.url(), db.user(), db.password()), ADMIN_TOKEN);
            return new InProcessService.Started(service.baseUri(), service);
        }));
    }

    /** Run PostgreSQL and the API in containers on one network. */
    static List<RehearsalService> inContainers() {
        Network network = Network.newNetwork();
        return List.of(
                PostgresService.image("postgres:16-alpine").database("airdemand").credentials("airdemand", "rehearsal-pw")
                        .onNetwork(network),
                ContainerService.dockerfile("api", Path.of("target/docker")).endpoint("api", 8123, "/health")
                        .env("AIRDEMAND_DATABASE_URL", "jdbc:postgresql://db:5432/airdemand")
                        .env("AIRDEMAND_DATABASE_USER", "airdemand").env("AIRDEMAND_DATABASE_PASSWORD", "rehearsal-pw")
                        .env(AirDemandService.ADMIN_TOKEN_ENV, ADMIN_TOKEN)
                        .onNetwork(network));
    }
}
