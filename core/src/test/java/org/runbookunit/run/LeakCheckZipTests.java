package org.runbookunit.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.runbookunit.secrets.Secrets;

/** A secret compressed inside a zip (a Playwright trace) is still found. */
class LeakCheckZipTests {

    private final Path reportDir = Path.of("target", "leak-zip-tests", UUID.randomUUID().toString());

    @Test
    void aSecretInsideAZipEntryIsALeakNamingTheEntry() throws IOException {
        Secrets secrets = Secrets.none();
        secrets.add("${LOGIN_PASSWORD}", "s3cret-login-password");
        Path zip = Files.createDirectories(reportDir.resolve("evidence")).resolve("1-02-trace.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("trace.network"));
            out.write("{\"postData\":\"password=s3cret-login-password\"}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.writeString(reportDir.resolve("evidence/1-01-broken.zip"), "not a zip at all");

        assertThat(LeakCheck.scan(reportDir, secrets)).containsExactly(
                "secret leak: evidence/1-02-trace.zip (trace.network) contains the value of ${LOGIN_PASSWORD}");
    }
}
