package org.runbookunit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.runbookunit.secrets.Secrets;

class TraceRedactionTests {

    private static final byte[] IMAGE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 's', '3', 'c', 'r', 'e', 't', '-', 'x'};

    @Test
    void textEntriesAreRedactedAndImagesKept() throws IOException {
        Secrets secrets = Secrets.none();
        secrets.add("${LOGIN_PASSWORD}", "s3cret-x");
        Map<String, byte[]> trace = new LinkedHashMap<>();
        trace.put("trace.trace", "{\"method\":\"fill\",\"params\":{\"value\":\"s3cret-x\"}}".getBytes(StandardCharsets.UTF_8));
        trace.put("resources/page.jpeg", IMAGE);

        Map<String, byte[]> redacted = unzip(TraceRedaction.redact(zip(trace), secrets));

        assertThat(new String(redacted.get("trace.trace"), StandardCharsets.UTF_8))
                .isEqualTo("{\"method\":\"fill\",\"params\":{\"value\":\"***\"}}");
        assertThat(redacted.get("resources/page.jpeg")).isEqualTo(IMAGE);
    }

    @Test
    void withoutSecretsTheTraceIsUntouched() throws IOException {
        byte[] zip = zip(Map.of("trace.trace", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(TraceRedaction.redact(zip, Secrets.none())).isSameAs(zip);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
