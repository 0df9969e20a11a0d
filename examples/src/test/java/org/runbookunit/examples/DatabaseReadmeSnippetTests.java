package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseReadmeSnippetTests {

    @Test
    void readmeShowsTheDatabaseRunbookExactlyAsCompiled() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/runbookunit/examples/AirDemandDatabaseRunbook.java"));
        String compiled = source.split("// tag::runbook\\[]\n")[1].split("// end::runbook\\[]")[0];
        String readme = Files.readString(Path.of("../README.md"));
        String shown = readme.split("<!-- snippet: AirDemandDatabaseRunbook -->\n```java\n")[1].split("```")[0];

        assertThat(shown).isEqualTo(compiled);
    }
}
