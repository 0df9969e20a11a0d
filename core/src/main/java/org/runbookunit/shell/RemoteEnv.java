package org.runbookunit.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Read a {@code .env} file on a host: its values become secrets before anything is saved or shown. */
final class RemoteEnv {

    private final HostShell host;

    RemoteEnv(HostShell host) {
        this.host = host;
    }

    Map<String, String> read(String path, List<String> required) {
        CommandResult result = host.runKeepingOutputSecret("cat -- " + ShellQuoting.quote(path), output -> {
            parse(output).forEach((key, value) -> host.secrets().add("remote .env " + key, value));
        });
        if (result.exitCode() != 0) {
            throw new ShellExpectationError(host.secrets().redact("host [" + host.name() + "] cannot read [" + path
                    + "]: exit code " + result.exitCode() + ", " + result.stderr().strip()));
        }
        Map<String, String> values = parse(result.output());
        TreeSet<String> missing = new TreeSet<>();
        required.stream().filter(key -> values.getOrDefault(key, "").isEmpty()).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new ShellExpectationError("[" + path + "] on host [" + host.name() + "] lacks required keys (or their "
                    + "values are empty): " + missing + "; it has " + new TreeSet<>(values.keySet()));
        }
        return values;
    }

    /** Parse KEY=VALUE lines: comments, blank lines and {@code export } skipped, one pair of quotes removed. */
    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || equals <= 0) {
                continue;
            }
            values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
