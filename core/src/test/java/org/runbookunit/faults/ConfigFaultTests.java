package org.runbookunit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;
import org.runbookunit.config.ConfigKeys;
import org.runbookunit.config.ConfigSource;
import org.runbookunit.config.RunbookConfigLoader;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.config.RunbookSettings;
import org.runbookunit.testing.SeededSecret;

/** A broken runbook.yaml next to a literal password or secret: the error names line, key and fix, never the value. */
class ConfigFaultTests {

    private static final String QUOTED = "\"" + StringEscapeUtils.escapeJson(SeededSecret.VALUE).replace("\\/", "/") + "\"";

    private final Path dir = Path.of("target", "faults", "config-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    void anUnknownKeyBesideALiteralPasswordNamesTheKeyNotThePassword() throws IOException {
        String error = failureOf("environments:\n  staging:\n    database:\n      url: \"jdbc:postgresql://db.example/app\"\n"
                + "      user: app\n      password: " + QUOTED + "\n      pasword: " + QUOTED + "\n");

        assertThat(error).contains("line 7: unknown key [pasword] at environments.staging.database.pasword",
                "did you mean [password]?");
    }

    @Test
    void aWrongTypeNamesThePathAndTheExpectedTypeNotTheValue() throws IOException {
        String error = failureOf("environments:\n  staging:\n    properties:\n      token: { value: \"x\", secret: "
                + QUOTED + " }\n");

        assertThat(error).contains("line 4: environments.staging.properties.token.secret has the wrong type: expected "
                + "true or false (the value is not shown: it may be a secret)");
    }

    @Test
    void aSyntaxErrorOnAPasswordLineNamesTheLineNotItsText() throws IOException {
        String error = failureOf("environments:\n  staging:\n    database:\n      password: " + QUOTED + " trailing\n");

        assertThat(error).contains("(line 4, column ", "(the line is not shown: it may hold a secret)");
    }

    /** Load the YAML and return the whole printed failure, stack trace, causes and suppressed included. */
    private String failureOf(String yaml) throws IOException {
        Path file = Files.createDirectories(dir).resolve("runbook.yaml");
        Files.writeString(file, yaml);
        RunbookSettings settings = new RunbookSettings(ConfigSource.of(Map.of(ConfigKeys.CONFIG, file.toString())));
        RunbookConfigurationException error = catchThrowableOfType(RunbookConfigurationException.class,
                () -> new RunbookConfigLoader().load(settings, getClass().getClassLoader()).environment("staging", Map.of()));
        assertThat(error).isNotNull();
        StringWriter printed = new StringWriter();
        error.printStackTrace(new PrintWriter(printed));
        SeededSecret.assertAbsent("the configuration error", printed.toString());
        return printed.toString();
    }
}
