package org.runbookunit.junit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Run a runbook fixture in a child JVM through JUnit's console launcher, with its own environment variables. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Run the fixture and return everything the child printed on stdout and stderr. */
    static String run(Class<?> fixture, Map<String, String> environment, Map<String, String> parameters)
            throws IOException, InterruptedException {
        return run(fixture, environment, parameters, entry -> true);
    }

    /** Run the fixture with only the class path entries a filter keeps, e.g. without Playwright's jars. */
    static String run(Class<?> fixture, Map<String, String> environment, Map<String, String> parameters,
            Predicate<String> keepOnClassPath) throws IOException, InterruptedException {
        return run(List.of(fixture), environment, parameters, keepOnClassPath, List.of());
    }

    /** Run fixtures with extra launcher arguments, e.g. {@code --reports-dir=…} for the XML report Surefire also writes. */
    static String run(List<Class<?>> fixtures, Map<String, String> environment, Map<String, String> parameters,
            Predicate<String> keepOnClassPath, List<String> launcherArguments) throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(keepOnClassPath).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", classPath, "org.junit.platform.console.ConsoleLauncher", "execute",
                "--disable-banner", "--details=tree"));
        fixtures.forEach(fixture -> command.addAll(List.of("--select-class", fixture.getName())));
        command.addAll(launcherArguments);
        parameters.forEach((key, value) -> command.addAll(List.of("--config", key + "=" + value)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process child = builder.start();
        child.getOutputStream().close();
        byte[] output = child.getInputStream().readAllBytes();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish within 120 s");
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
