package org.runbookunit.examples;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.shell.CommandResult;
import org.runbookunit.shell.HostShell;
import org.runbookunit.shell.Shell;

/**
 * Run seed 003's deployment commands on host {@code harvester}, in its {@code harvester-stack-home}: its make targets,
 * compose on its {@code .env.staging}, {@code docker inspect} of one service's container. The compose project is the
 * one the env file names ({@code COMPOSE_PROJECT_NAME}), else the environment's {@code compose-project}.
 */
final class HarvesterDeployment {

    /** How long building the images or bringing the stack up may take. */
    static final Duration MAKE_TIMEOUT = Duration.ofMinutes(10);

    private final HostShell host;
    private final String home;
    private final String project;

    private HarvesterDeployment(HostShell host, String home, String project) {
        this.host = host;
        this.home = home;
        this.project = project;
    }

    /** Find the deployment of this environment. */
    static HarvesterDeployment of(Shell shell, RunbookEnvironment environment) {
        HostShell host = shell.on("harvester").timeout(Duration.ofMinutes(1));
        String home = environment.property("harvester-stack-home");
        String named = host.readOnly().run("sed -n 's/^COMPOSE_PROJECT_NAME=//p' '" + home + "/.env.staging'")
                .expectSuccess().output().strip();
        return new HarvesterDeployment(host, home, named.isEmpty() ? environment.property("compose-project") : named);
    }

    /** Return the compose project, e.g. {@code signal-harvester}. */
    String project() {
        return project;
    }

    /** Run a make target of the deployment, e.g. {@code staging-stack-up}, and expect it to succeed. */
    CommandResult make(String target) {
        return host.timeout(MAKE_TIMEOUT).run(cd() + "make " + target).expectSuccess();
    }

    /** Run a read-only command in the deployment folder. */
    CommandResult look(String command) {
        return host.readOnly().run(cd() + command);
    }

    /** Run a command inside a service's container ({@code compose exec -T}), read-only. */
    CommandResult exec(String service, String command) {
        return look(compose() + " exec -T " + service + " " + command);
    }

    /** Return the id of a service's container; fail naming the service when compose has none. */
    String container(String service) {
        String id = look(compose() + " ps -q " + service).expectSuccess().output().strip();
        if (id.isEmpty()) {
            throw new AssertionError("compose project [" + project + "] has no container for service [" + service
                    + "]: bring the stack up with make staging-stack-up");
        }
        return id;
    }

    /** Return {@code docker inspect -f FORMAT} of a service's container. */
    String inspect(String service, String format) {
        return look("docker inspect -f '" + format + "' " + container(service)).expectSuccess().output().strip();
    }

    /** Return the networks a service's container is attached to, e.g. {@code [signal-harvester_app]}. */
    List<String> networks(String service) {
        return Arrays.stream(inspect(service, "{{range $name, $net := .NetworkSettings.Networks}}{{$name}} {{end}}")
                .split("\\s+")).filter(name -> !name.isEmpty()).sorted().toList();
    }

    /** Return the last lines a service logged. */
    String logs(String service, int lines) {
        return look(compose() + " logs --no-color --tail " + lines + " " + service).expectSuccess().output();
    }

    private String compose() {
        return "$(command -v docker-compose || echo docker compose) --env-file .env.staging -f docker-compose.staging.yml";
    }

    private String cd() {
        return "cd '" + home + "' && ";
    }
}
