package org.runbookunit.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.runbookunit.secrets.Secrets;

/**
 * Scan every file a run wrote for secret values, inside zip files (Playwright traces) too; a hit names the file and the
 * secret's source, never the value.
 */
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
                String relative = reportDir.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith(ReportFolder.PREVIOUS + "/")) {
                    continue;
                }
                for (Map.Entry<String, byte[]> part : parts(file).entrySet()) {
                    String content = new String(part.getValue(), StandardCharsets.UTF_8);
                    secrets.leakIn(content).ifPresent(name -> leaks.add("secret leak: " + relative + part.getKey()
                            + " contains the value of " + name));
                }
            }
        } catch (IOException cannotRead) {
            throw new UncheckedIOException("cannot scan " + reportDir + " for leaked secrets", cannotRead);
        }
        return leaks;
    }

    /** Return the file's content, or for a zip each entry's, keyed by {@code ""} or {@code " (entry name)"}. */
    private static Map<String, byte[]> parts(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        if (!file.getFileName().toString().endsWith(".zip")) {
            return Map.of("", content);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(" (" + entry.getName() + ")", zip.readAllBytes());
            }
        } catch (ZipException notAZip) {
            return Map.of("", content);
        }
        return entries.isEmpty() ? Map.of("", content) : entries;
    }
}
