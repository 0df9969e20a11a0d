package org.runbookunit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Read {@code hosts:} of runbook.yaml strictly: SSH URL, identity, known-hosts, jump, local. */
class HostsConfigTests {

    private final Path dir = Path.of("target", "config-tests", UUID.randomUUID().toString()).toAbsolutePath();
    private Path key;
    private Path knownHosts;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir);
        key = Files.writeString(dir.resolve("deploy_key"), "not a real key\n");
        knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
    }

    @Test
    void anSshHostAndTheLocalHostAreRead() throws IOException {
        RunbookEnvironment staging = environment("""
                    hosts:
                      app: { ssh: "ssh://deploy@app.staging.example:2222", identity: "${SSH_KEY_FILE}", known-hosts: "%s" }
                      runner: { local: true }
                """.formatted(knownHosts), Map.of("SSH_KEY_FILE", key.toString()));

        HostSettings app = staging.host("app");
        assertThat(app.address()).isEqualTo("deploy@app.staging.example:2222");
        assertThat(app.knownHostsName()).isEqualTo("[app.staging.example]:2222");
        assertThat(app.identity()).contains(key);
        assertThat(app.knownHosts()).contains(knownHosts);
        assertThat(staging.host("runner").local()).isTrue();
        assertThat(staging.secrets().redact("key at " + key)).isEqualTo("key at ***");
        assertThat(app.toString()).doesNotContain(key.toString());
    }

    @Test
    void thePortDefaultsTo22AndAJumpHostIsKept() throws IOException {
        RunbookEnvironment staging = environment("""
                    hosts:
                      bastion: { ssh: "ssh://ops@bastion.example", identity: "%1$s", known-hosts: "%2$s" }
                      app: { ssh: "ssh://deploy@10.0.0.5", identity: "%1$s", known-hosts: "%2$s", jump: bastion }
                """.formatted(key, knownHosts), Map.of());

        assertThat(staging.host("app").port()).isEqualTo(22);
        assertThat(staging.host("app").knownHostsName()).isEqualTo("10.0.0.5");
        assertThat(staging.host("app").jump()).contains("bastion");
    }

    @Test
    void anUnknownHostNamesTheKnownOnesAndTheFix() throws IOException {
        RunbookEnvironment staging = environment("    hosts:\n      runner: { local: true }\n", Map.of());

        assertThatThrownBy(() -> staging.host("old-prod")).isInstanceOf(RunbookConfigurationException.class)
                .hasMessageStartingWith("host [old-prod] is not defined in environment [staging]; known hosts: [runner]. "
                        + "Add it under environments.staging.hosts in runbook.yaml");
    }

    @Test
    void aMissingIdentityFileIsAConfigurationErrorThatHidesTheSecretPath() throws IOException {
        Path missing = dir.resolve("no_such_key");
        assertThatThrownBy(() -> environment("""
                    hosts:
                      app: { ssh: "ssh://deploy@app.example", identity: "${SSH_KEY_FILE}", known-hosts: "%s" }
                """.formatted(knownHosts), Map.of("SSH_KEY_FILE", missing.toString())))
                .isInstanceOf(RunbookConfigurationException.class)
                .hasMessageContaining("environments.staging.hosts.app.identity names a file that does not exist: [***]")
                .hasMessageNotContaining("no_such_key");
    }

    @Test
    void aMissingKnownHostsFileSaysHowToCreateIt() throws IOException {
        assertThatThrownBy(() -> environment("""
                    hosts:
                      app: { ssh: "ssh://deploy@app.example:2222", identity: "%s", known-hosts: "config/known_hosts" }
                """.formatted(key), Map.of()))
                .hasMessageContaining("environments.staging.hosts.app.known-hosts names a file that does not exist")
                .hasMessageContaining("ssh-keyscan -p 2222 app.example >> config/known_hosts");
    }

    @Test
    void knownHostsIsRequiredBecauseHostKeysAreAlwaysVerified() throws IOException {
        assertThatThrownBy(() -> environment("""
                    hosts:
                      app: { ssh: "ssh://deploy@app.example", identity: "%s" }
                """.formatted(key), Map.of()))
                .hasMessageContaining("environments.staging.hosts.app.known-hosts is missing");
    }

    @Test
    void aMissingVariableIsReportedAsSuchNotAsAMissingFile() throws IOException {
        assertThatThrownBy(() -> environment("""
                    hosts:
                      app: { ssh: "ssh://deploy@app.example", identity: "${SSH_KEY_FILE}", known-hosts: "%s" }
                """.formatted(knownHosts), Map.of()))
                .hasMessageContaining("uses variables that are not set: [SSH_KEY_FILE]");
    }

    @Test
    void aBadSshUrlIsRejectedWithItsValue() throws IOException {
        assertThatThrownBy(() -> environment("""
                    hosts:
                      app: { ssh: "app.example:22", identity: "%s", known-hosts: "%s" }
                """.formatted(key, knownHosts), Map.of()))
                .hasMessageContaining("environments.staging.hosts.app.ssh must be an SSH URL with a user and no password, "
                        + "like ssh://deploy@app.staging.example:22, but was [app.example:22]");
    }

    @Test
    void aJumpToAnUnknownHostOrACircleIsRejected() throws IOException {
        assertThatThrownBy(() -> environment("""
                    hosts:
                      app: { ssh: "ssh://deploy@app.example", identity: "%1$s", known-hosts: "%2$s", jump: bastion }
                """.formatted(key, knownHosts), Map.of()))
                .hasMessageContaining("hosts.app.jump names [bastion], which is not an ssh host of this environment");
        assertThatThrownBy(() -> environment("""
                    hosts:
                      a: { ssh: "ssh://deploy@a.example", identity: "%1$s", known-hosts: "%2$s", jump: b }
                      b: { ssh: "ssh://deploy@b.example", identity: "%1$s", known-hosts: "%2$s", jump: a }
                """.formatted(key, knownHosts), Map.of()))
                .hasMessageContaining("jump goes round in a circle");
    }

    @Test
    void aLocalHostTakesNoSshKeysAndUnknownKeysAreRejected() throws IOException {
        assertThatThrownBy(() -> environment("    hosts:\n      runner: { local: true, ssh: \"ssh://a@b\" }\n", Map.of()))
                .hasMessageContaining("hosts.runner is local: true, so it takes no ssh");
        assertThatThrownBy(() -> environment("    hosts:\n      runner: { lokal: true }\n", Map.of()))
                .hasMessageContaining("unknown key [lokal] at environments.staging.hosts.runner.lokal; did you mean [local]?");
    }

    @Test
    void planModeDoesNotNeedTheFiles() throws IOException {
        RunbookConfig config = load("""
                    hosts:
                      app: { ssh: "ssh://deploy@app.example", identity: "${SSH_KEY_FILE}", known-hosts: "nowhere" }
                """);

        assertThat(config.planEnvironment("staging", Map.of()).missingVariables()).containsExactly("SSH_KEY_FILE");
    }

    @Test
    void aRehearsalBindingReplacesHostsOfTheSameName() throws IOException {
        RunbookEnvironment staging = environment("    hosts:\n      runner: { local: true }\n", Map.of());
        HostSettings bound = HostSettings.ssh("runner", "me", "127.0.0.1", 40022, key, knownHosts);

        RunbookEnvironment rehearsed = staging.withBinding(Map.of(), Optional.empty(), Map.of("runner", bound));

        assertThat(rehearsed.host("runner")).isEqualTo(bound);
        assertThat(staging.host("runner").local()).isTrue();
    }

    private RunbookEnvironment environment(String hostsYaml, Map<String, String> variables) throws IOException {
        return load(hostsYaml).environment("staging", variables);
    }

    private RunbookConfig load(String hostsYaml) throws IOException {
        Path file = Files.writeString(dir.resolve("runbook.yaml"), "environments:\n  staging:\n" + hostsYaml);
        RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.CONFIG, file.toString())));
        return new RunbookConfigLoader().load(settings, getClass().getClassLoader());
    }
}
