package org.runbookunit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.text.StringEscapeUtils;

/**
 * A secret full of characters that every output escapes differently ({@code " \ < & > '}, a space, {@code % + / $}),
 * and every form it can take there, computed independently of the code under test (commons-text, the JDK).
 */
public final class SeededSecret {

    /** The secret value. */
    public static final String VALUE = "s3cr\"et\\<&>'P@ss w/rd%+$x";

    private SeededSecret() {
    }

    /** Return the secret's forms: raw, JSON, JavaScript, HTML, XML, CSV, URL, Base64, shell-quoted, and nested escapes. */
    public static Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        for (String once : List.of(VALUE, StringEscapeUtils.escapeJson(VALUE), StringEscapeUtils.escapeEcmaScript(VALUE),
                StringEscapeUtils.escapeHtml4(VALUE), StringEscapeUtils.escapeXml10(VALUE), csv(VALUE),
                URLEncoder.encode(VALUE, StandardCharsets.UTF_8), VALUE.replace("'", "'\\''"),
                StringEscapeUtils.escapeJson(VALUE).replace("\\/", "/"))) {
            forms.add(once);
            forms.add(StringEscapeUtils.escapeHtml4(once));
            forms.add(StringEscapeUtils.escapeJson(once).replace("\\/", "/"));
        }
        byte[] bytes = VALUE.getBytes(StandardCharsets.UTF_8);
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getEncoder().encodeToString(("ops:" + VALUE).getBytes(StandardCharsets.UTF_8))); // basic auth
        return forms;
    }

    /** Fail when the text holds any form of the secret. */
    public static void assertAbsent(String where, String text) {
        for (String form : forms()) {
            assertThat(text.contains(form)).as("%s holds the seeded secret as [%s]", where, form).isFalse();
        }
    }

    /** Fail when any file under a folder holds any form of the secret; return how many files were checked. */
    public static int assertAbsentUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            for (Path file : written) {
                assertAbsent(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
            return written.size();
        } catch (IOException cannotRead) {
            throw new UncheckedIOException(cannotRead);
        }
    }

    private static String csv(String value) {
        String quoted = StringEscapeUtils.escapeCsv(value);
        return quoted.startsWith("\"") ? quoted.substring(1, quoted.length() - 1) : quoted;
    }
}
