package org.runbookunit.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbookunit.Severity;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.containers.Containers;
import org.runbookunit.db.Database;
import org.runbookunit.http.Http;
import org.runbookunit.launch.Launch;
import org.runbookunit.launch.RunbookLauncher;
import org.runbookunit.model.RunbookPlan;
import org.runbookunit.model.StepDefinition;
import org.runbookunit.model.StepId;
import org.testcontainers.DockerClientFactory;

/**
 * A rehearsed runbook run in a child JVM whose {@code DOCKER_HOST} the test chose: its stack is PostgreSQL and a
 * Perl HTTP server in the airgap images, step 1 calls the server through the bound endpoint, step 2 checks its
 * container with {@code Containers}, which must find it on the same engine, step 3 connects to the bound database. Prints {@code CONTAINER <name>}. Arguments: reports folder,
 * then {@code container} (a {@link ContainerService}) or a compose file (the same server through {@link ComposeService}).
 */
public final class RemoteEngineRunbookMain {

    static final RunbookPlan PLAN = new RunbookPlan("remote-engine", "remote engine rehearsal", List.of(
            new StepDefinition(StepId.of(1), "API healthy", Severity.CRITICAL, ""),
            new StepDefinition(StepId.of(2), "API container healthy on the engine", Severity.CRITICAL, ""),
            new StepDefinition(StepId.of(3), "Database answers", Severity.CRITICAL, "")));

    static final String COMPOSE_FILE = "remote.compose-file";

    private RemoteEngineRunbookMain() {
    }

    public static void main(String[] args) throws Exception {
        Path reports = Files.createDirectories(Path.of(args[0]));
        Path config = Files.writeString(reports.resolveSibling("runbook.yaml"),
                "environments:\n  local:\n    rehearsal: true\n");
        try (RunbookLauncher launcher = RunbookLauncher.create(ConfigSource.of(Map.of(ConfigKeys.REPORTS_DIR,
                reports.toString(), ConfigKeys.CONFIG, config.toString())));
                Launch launch = launcher.start(PLAN, Optional.of(args[1].equals("container") ? PerlHealthStack.class
                        : PerlComposeStack.class))) {
            System.out.println("ENDPOINT " + launch.environment().endpoint("api"));
            launch.execute(PLAN.steps().get(0), step -> step.facade(Http.class).get("api", "/health").expectStatus(200)
                    .expectBodyContains("healthy"));
            String name = ourContainer();
            System.out.println("CONTAINER " + name);
            launch.execute(PLAN.steps().get(1), step -> step.facade(Containers.class).expectHealthy(name));
            launch.execute(PLAN.steps().get(2), step -> {
                if (launch.environment().database().isPresent()) {
                    System.out.println("DATABASE " + launch.environment().database().orElseThrow().url());
                    step.facade(Database.class).expectConnectsWithin(java.time.Duration.ofSeconds(10));
                }
            });
            System.out.println("VERDICT " + launch.finish().orElseThrow().decision().verdict());
        }
    }

    /** Return the name of the container this JVM's Testcontainers session started. */
    private static String ourContainer() {
        Map<String, String> label = System.getProperty(COMPOSE_FILE) != null ? Map.of("com.docker.compose.service", "api")
                : Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID);
        return DockerClientFactory.instance().client().listContainersCmd().withLabelFilter(label).exec().get(0)
                .getNames()[0].replaceFirst("^/", "");
    }

    /** The same server as {@link PerlHealthStack}, through the compose file the system property names. */
    public static final class PerlComposeStack extends RehearsalStack {

        @Override
        protected List<RehearsalService> services() {
            return List.of(ComposeService.file("stack", Path.of(System.getProperty(COMPOSE_FILE)))
                    .endpoint("api", "api", 8080, "/health").startupTimeout(java.time.Duration.ofSeconds(60)));
        }
    }

    /**
     * PostgreSQL ({@code postgres:16-alpine}, the airgap build standing in) and a Perl HTTP server answering
     * {@code healthy} on every path, in {@code runbookunit/jre:17}.
     */
    public static final class PerlHealthStack extends RehearsalStack {

        static final String SERVER = "use IO::Socket::INET; $| = 1;"
                + " my $s = IO::Socket::INET->new(LocalPort => 8080, Listen => 16, ReuseAddr => 1) or die $!;"
                + " print \"listening\\n\";"
                + " while (my $c = $s->accept) { <$c>; print $c \"HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\n"
                + "Content-Length: 7\\r\\n\\r\\nhealthy\"; close $c }";

        @Override
        protected List<RehearsalService> services() {
            return List.of(PostgresService.image("postgres:16-alpine").database("remote"),
                    ContainerService.image("api", "runbookunit/jre:17").command("perl", "-e", SERVER)
                    .endpoint("api", 8080, "/health").startupTimeout(java.time.Duration.ofSeconds(60)));
        }
    }
}
