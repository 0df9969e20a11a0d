package org.runbookunit.dashboard;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.runbookunit.secrets.Secrets;

/**
 * Redact a Playwright trace: every text entry of the zip (actions with their typed values, network headers and bodies,
 * DOM snapshots) goes through the run's secrets; images are kept as they are.
 */
final class TraceRedaction {

    private TraceRedaction() {
    }

    static byte[] redact(byte[] zip, Secrets secrets) {
        if (secrets.isEmpty()) {
            return zip;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                rewritten.putNextEntry(new ZipEntry(entry.getName()));
                rewritten.write(text(content).map(secrets::redact).map(redacted -> redacted.getBytes(StandardCharsets.UTF_8))
                        .orElse(content));
                rewritten.closeEntry();
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot redact the Playwright trace", unreadable);
        }
        return out.toByteArray();
    }

    /** Return the content as text when it is valid UTF-8 (JSON, HTML, CSS, bodies); images and binaries are not. */
    static Optional<String> text(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }
}
