package org.runbookunit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Write {@code manifest.sha256}: one {@code sha256sum}-compatible line per file of a report folder. */
final class Manifest {

    static final String FILE_NAME = "manifest.sha256";

    /** The earlier run's report, sealed by its own manifest. */
    private static final String PREVIOUS = "previous/";

    private Manifest() {
    }

    static Path write(Path reportDir) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Path file : files(reportDir)) {
            lines.append(sha256(file)).append("  ").append(relative(reportDir, file)).append('\n');
        }
        return Files.writeString(reportDir.resolve(FILE_NAME), lines, StandardCharsets.UTF_8);
    }

    private static List<Path> files(Path reportDir) throws IOException {
        try (Stream<Path> walk = Files.walk(reportDir)) {
            return walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals(FILE_NAME))
                    .filter(file -> !relative(reportDir, file).startsWith(PREVIOUS)).sorted().toList();
        }
    }

    private static String relative(Path reportDir, Path file) {
        return reportDir.relativize(file).toString().replace('\\', '/');
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException cannotRead) {
            throw new UncheckedIOException("cannot hash " + file, cannotRead);
        } catch (NoSuchAlgorithmException noSha256) {
            throw new IllegalStateException("this JVM has no SHA-256", noSha256);
        }
    }
}
