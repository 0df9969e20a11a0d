package org.runbookunit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.runbookunit.config.DatabaseSettings;
import org.runbookunit.rehearsal.StackBinding;

/** Run one of seed 004's runbooks against a started {@link TemponestStack} as environment {@code local}. */
final class TemponestRuns {

    private TemponestRuns() {
    }

    /** Write the environment for the stack, run the runbook with these extra parameters, and return its report. */
    static JsonNode run(TemponestStack stack, StackBinding binding, Path migrations, Class<?> runbook, String id,
            Map<String, String> extra) throws IOException {
        return RunbookReports.run(runbook, id, stack.folder(), yaml(stack, binding, migrations), "local", extra);
    }

    private static String yaml(TemponestStack stack, StackBinding binding, Path migrations) throws IOException {
        DatabaseSettings db = binding.database().orElseThrow();
        String agents = binding.endpoints().get("agents").toString();
        String endpoints = RunbookReports.endpointLines(binding);
        return "environments:\n  local:\n    rehearsal: true\n    windows-scale: 0.0002\n    endpoints:\n" + endpoints
                + "\n      auth: \"" + agents + "\"\n      web-ui: \"" + agents + "\"\n"
                + "    database: { url: \"" + db.url() + "\", user: \"" + db.user() + "\", password: \"" + db.password() + "\" }\n"
                + "    hosts:\n      local: { local: true }\n"
                + "    properties:\n      env-file: \"" + stack.envFile() + "\"\n      log-file: \"" + stack.logFile() + "\"\n"
                + "      migrations-dir: \"" + migrations + "\"\n      backup-dir: \""
                + Files.createDirectories(stack.folder().resolve("backups")) + "\"\n"
                + "      min-free-disk-gb: \"1\"\n      min-free-memory-gb: \"0.25\"\n      baseline-rps: \"10\"\n"
                + "      compose-project: temponest-staging\n      temponest-home: \"" + stack.checkout() + "\"\n"
                + "      down-command: ./scripts/deploy/down.sh\n      up-command: ./scripts/deploy/up.sh\n";
    }
}
