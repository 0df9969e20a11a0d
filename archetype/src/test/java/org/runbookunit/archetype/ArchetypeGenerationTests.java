package org.runbookunit.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbookunit.testing.LoopbackServer;

/**
 * Generate a project from the archetype with {@code mvn archetype:generate} in batch mode and run its {@code mvn test}
 * against a loopback API, as a newcomer would. RunbookUnit's artifacts are laid into a repository under target/; a
 * settings.xml mirrors everything else from the machine's ~/.m2 over file://, which this test never writes to.
 */
class ArchetypeGenerationTests {

    private static final String VERSION = System.getProperty("runbookunit.version", "0.1.0-SNAPSHOT");
    private static final Path ROOT = Path.of(System.getProperty("runbookunit.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("archetype.work", "target/generation")).toAbsolutePath();
    private static final Path REPOSITORY = WORK.resolve("repository");
    private static final Path SETTINGS = WORK.resolve("settings.xml");

    @BeforeAll
    static void layOutRepository() throws IOException {
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(WORK);
        install("runbookunit-parent", ROOT.resolve("pom.xml"), null);
        install("runbookunit-bom", ROOT.resolve("bom/pom.xml"), null);
        install("runbookunit-core", ROOT.resolve("core/pom.xml"), ROOT.resolve("core/target/runbookunit-core-" + VERSION + ".jar"));
        install("runbookunit-junit", ROOT.resolve("junit-extension/pom.xml"),
                ROOT.resolve("junit-extension/target/runbookunit-junit-" + VERSION + ".jar"));
        install("runbookunit-archetype", ROOT.resolve("archetype/pom.xml"),
                Path.of(System.getProperty("archetype.jar", "target/runbookunit-archetype-" + VERSION + ".jar")));
        Path home = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Files.writeString(SETTINGS, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>this-machine</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(home.toUri()));
    }

    @Test
    void aGeneratedProjectRunsItsRunbookWithMvnTestAndReadsGoThenNoGo() throws IOException {
        AtomicReference<String> status = new AtomicReference<>("healthy");
        try (LoopbackServer api = LoopbackServer.start().route("/health", exchange -> LoopbackServer.respond(exchange,
                200, "application/json", ("{\"status\":\"" + status.get() + "\"}").getBytes(StandardCharsets.UTF_8)))) {
            Result generated = maven(WORK, List.of("org.apache.maven.plugins:maven-archetype-plugin:"
                    + System.getProperty("archetype.plugin.version", "3.3.1") + ":generate",
                    "-DarchetypeGroupId=org.runbookunit", "-DarchetypeArtifactId=runbookunit-archetype",
                    "-DarchetypeVersion=" + VERSION, "-DgroupId=com.acme", "-DartifactId=acme-runbooks",
                    "-Dversion=1.0.0-SNAPSHOT", "-Dpackage=com.acme.runbooks"), null);
            assertThat(generated.code()).as(generated.output()).isZero();
            Path project = WORK.resolve("acme-runbooks");
            assertThat(project.resolve("src/test/java/com/acme/runbooks/ApiSmokeRunbook.java")).isRegularFile();
            assertThat(Files.readString(project.resolve("src/test/resources/runbook.yaml")))
                    .contains("local:", "staging:", "production:", "${API_URL:-http://127.0.0.1:8080}");

            Result go = maven(project, List.of("test"), api.uri().toString());
            status.set("degraded");
            Result noGo = maven(project, List.of("test"), api.uri().toString());

            assertThat(go.code()).as(go.output()).isZero();
            assertThat(go.output()).contains("▶ Runbook: api smoke  [environment: local, 2 steps]",
                    "✔ 1.1 API /health returns healthy", "Verdict: GO", "Tests run: 2, Failures: 0");
            assertThat(project.resolve("target/runbook-reports/api-smoke/report.md")).isRegularFile();
            assertThat(noGo.code()).as(noGo.output()).isNotZero();
            assertThat(noGo.output()).contains("✘ 1.1 API /health returns healthy", "Verdict: NO-GO", "BUILD FAILURE");
            assertThat(api.requests()).contains("GET /health");
        }
    }

    private static void install(String artifactId, Path pom, Path jar) throws IOException {
        Path dir = REPOSITORY.resolve("org/runbookunit/" + artifactId + "/" + VERSION);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"));
        if (jar != null) {
            assertThat(jar).as("built by the reactor before this test").isRegularFile();
            Files.copy(jar, dir.resolve(artifactId + "-" + VERSION + ".jar"));
        }
    }

    private static Result maven(Path dir, List<String> goals, String apiUrl) {
        Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-s", SETTINGS.toString(),
                "-Dmaven.repo.local=" + REPOSITORY, "-Dstyle.color=never"));
        command.addAll(goals);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("RUNBOOK_") || name.startsWith("MAVEN_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (apiUrl != null) {
            builder.environment().put("API_URL", apiUrl);
        }
        Path log = WORK.resolve("mvn-" + System.nanoTime() + ".log");
        builder.redirectOutput(log.toFile());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(command + " did not finish within 5 minutes:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (IOException cannotRun) {
            throw new AssertionError("cannot run " + command, cannotRun);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    private record Result(int code, String output) {
    }
}
