package org.runbookunit.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.runbookunit.secrets.Secrets;

/** Scan every file a run wrote for secret values; a hit names the file and the secret's source, never the value. */
final class LeakCheck {

    private LeakCheck() {
    }

    static List<String> scan(Path reportDir, Secrets secrets) {
        List<String> leaks = new ArrayList<>();
        if (secrets.isEmpty() || !Files.isDirectory(reportDir)) {
            return leaks;
        }
        try (Stream<Path> files = Files.walk(reportDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                secrets.leakIn(content).ifPresent(name -> leaks.add("secret leak: "
                        + reportDir.relativize(file).toString().replace('\\', '/') + " contains the value of " + name));
            }
        } catch (IOException cannotRead) {
            throw new UncheckedIOException("cannot scan " + reportDir + " for leaked secrets", cannotRead);
        }
        return leaks;
    }
}
