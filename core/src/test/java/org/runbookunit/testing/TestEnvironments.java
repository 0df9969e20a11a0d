package org.runbookunit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfigLoader;
import org.runbookunit.config.RunbookEnvironment;
import org.runbookunit.config.RunbookSettings;

/** Load the {@code local} environment of a runbook.yaml written for one test, with its ${VAR} secrets resolved. */
public final class TestEnvironments {

    private TestEnvironments() {
    }

    public static RunbookEnvironment local(Path dir, String yaml, Map<String, String> processEnvironment) {
        try {
            Files.createDirectories(dir);
            Path file = Files.writeString(dir.resolve("runbook.yaml"), yaml);
            RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.CONFIG, file.toString())));
            return new RunbookConfigLoader().load(settings, TestEnvironments.class.getClassLoader())
                    .environment("local", processEnvironment);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }
}
