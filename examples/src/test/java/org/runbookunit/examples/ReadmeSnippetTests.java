package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet in the README is an example that compiles and runs in this module: its imports, then its tagged
 * part, so a newcomer can copy it whole.
 */
class ReadmeSnippetTests {

    private static final Pattern IMPORT = Pattern.compile("^import [^\n]*;$", Pattern.MULTILINE);
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\w+) -->\n```java\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeShowsEveryExampleExactlyAsCompiled() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher snippets = SNIPPET.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (snippets.find()) {
            String source = Files.readString(Path.of("src/test/java/org/runbookunit/examples/" + snippets.group(1) + ".java"));
            String compiled = source.split("// tag::runbook\\[]\n")[1].split("// end::runbook\\[]")[0];
            assertThat(snippets.group(2)).as(snippets.group(1) + ": its imports, a blank line, then the runbook")
                    .isEqualTo(imports(source) + "\n" + compiled);
            checked.add(snippets.group(1));
        }
        assertThat(checked).contains("AirDemandStagingValidation", "AirDemandPostCutoverMonitoring",
                "AirDemandDashboardValidation", "AirDemandDatabaseRunbook", "AirDemandLocalRehearsal");
    }

    /** Return the source's import lines as written, static imports first: what a newcomer copies with the runbook. */
    private static String imports(String source) {
        StringBuilder imports = new StringBuilder();
        IMPORT.matcher(source).results().forEach(line -> imports.append(line.group()).append('\n'));
        return imports.toString().replaceAll("(import static [^\n]*\n)(import (?!static))", "$1\n$2");
    }
}
