package org.runbookunit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.runbookunit.internal.secrets.RedactingPrintStream;
import org.runbookunit.internal.PercentEncoding;

class SecretsTests {

    private final Secrets secrets = Secrets.none();

    @Test
    void aValueAndItsEncodingsAreRedacted() {
        secrets.add("${DB_PASSWORD}", "p@ss word/1");

        assertThat(secrets.redact("raw p@ss word/1, form " + URLEncoder.encode("p@ss word/1", StandardCharsets.UTF_8)
                + ", percent " + PercentEncoding.encode("p@ss word/1") + ", base64 "
                + Base64.getEncoder().encodeToString("p@ss word/1".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("raw ***, form ***, percent ***, base64 ***");
    }

    @Test
    void twoRunsSecretsAreRedactedLongestFirstOverBoth() {
        secrets.add("${TOKEN}", "token");
        Secrets otherRun = Secrets.none();
        otherRun.add("${API_KEY}", "abc-token-xyz");

        assertThat(Secrets.redact("key abc-token-xyz, short token", java.util.List.of(secrets, otherRun)))
                .isEqualTo("key ***, short ***");
        assertThat(Secrets.redact("nothing", java.util.List.of())).isEqualTo("nothing");
    }

    @Test
    void basicAuthCredentialsOfASecretAreRedactedToo() {
        secrets.add("${GRAFANA_PASSWORD}", "hunter22");
        secrets.addCredentials("admin", "hunter22");

        String header = "Basic " + Base64.getEncoder().encodeToString("admin:hunter22".getBytes(StandardCharsets.UTF_8));

        assertThat(secrets.redact(header)).isEqualTo("Basic ***");
        assertThat(secrets.leakIn(header)).contains("${GRAFANA_PASSWORD} (as user:password)");
    }

    @Test
    void credentialsWithoutASecretPartAreNotSecrets() {
        secrets.addCredentials("admin", "public");

        assertThat(secrets.isEmpty()).isTrue();
    }

    @Test
    void tooShortValuesAreListedInsteadOfMaskingEveryLetter() {
        secrets.add("${PIN}", "42");

        assertThat(secrets.redact("port 8042")).isEqualTo("port 8042");
        assertThat(secrets.tooShort()).containsExactly("${PIN}");
    }

    @Test
    void leakInNamesTheSourceNeverTheValue() {
        secrets.add("${TOKEN}", "tok-123456");

        assertThat(secrets.leakIn("header: tok-123456")).contains("${TOKEN}");
        assertThat(secrets.leakIn("nothing here")).isEmpty();
    }

    @Test
    void aSecretSplitAcrossTwoWritesIsStillRedactedOnItsLine() {
        secrets.add("${TOKEN}", "tok-123456");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new RedactingPrintStream(new PrintStream(captured, true, StandardCharsets.UTF_8), secrets);

        out.print("token tok-12");
        out.print("3456 used\n");
        out.println("second tok-123456");
        out.print("unterminated tok-123456");
        out.flush();

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualTo("token *** used\nsecond ***" + System.lineSeparator() + "unterminated ***");
    }

    @Test
    void everyEscapedFormOfASecretIsRedactedAndFoundByTheLeakCheck() {
        secrets.add("${API_KEY}", org.runbookunit.testing.SeededSecret.VALUE);

        assertThat(org.runbookunit.testing.SeededSecret.forms()).hasSizeGreaterThan(15).allSatisfy(form -> {
            assertThat(secrets.redact("before " + form + " after")).contains("***").doesNotContain(form);
            assertThat(secrets.leakIn("before " + form + " after")).contains("${API_KEY}");
        });
    }

    @Test
    void base64OfASecretInsideALongerTextIsFoundWhereverItStarts() {
        secrets.add("${API_KEY}", "correct-horse-battery");

        for (String prefix : new String[] {"", "a", "ab", "user:"}) {
            String encoded = Base64.getEncoder().encodeToString((prefix + "correct-horse-battery" + "!tail")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(secrets.leakIn(encoded)).as(prefix).contains("${API_KEY}");
        }
    }
}
