package org.runbookunit.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's "Add RunbookUnit to your build" shows what the archetype generates, and the BOM's versions are the build's. */
class ReadmeArchetypeTests {

    private static final Path ROOT = Path.of("..");
    private static final Path TEMPLATES = Path.of("src/main/resources/archetype-resources");

    @Test
    void theReadmeRunbookIsTheArchetypesWithItsImports() throws IOException {
        String template = Files.readString(TEMPLATES.resolve("src/test/java/ApiSmokeRunbook.java"))
                .replace("${package}", "com.acme.runbooks");

        assertThat(block("archetype: ApiSmokeRunbook") + "\n").isEqualTo(template);
        assertThat(template).contains("import org.runbookunit.junit.Runbook;", "import org.runbookunit.http.Http;");
    }

    @Test
    void theReadmeSurefireConfigurationAndDependenciesAreTheArchetypes() throws IOException {
        String readme = block("archetype: pom");
        String pom = Files.readString(TEMPLATES.resolve("pom.xml"));

        assertThat(squash(pom)).contains(squash(between(readme, "<configuration>", "</configuration>")));
        assertThat(squash(pom)).contains(squash("<groupId>org.runbookunit</groupId><artifactId>runbookunit-junit</artifactId>"
                + "<scope>test</scope>"), squash("<artifactId>runbookunit-bom</artifactId>"));
        assertThat(readme).contains("<include>**/*Runbook.java</include>", "<failIfNoTests>true</failIfNoTests>");
    }

    @Test
    void theBomManagesTheVersionsTheBuildIsTestedWith() throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));

        for (String library : new String[] {"junit", "playwright", "testcontainers"}) {
            assertThat(property(bom, "runbookunit." + library + ".version")).as(library)
                    .isEqualTo(property(root, library + ".version"));
        }
        assertThat(bom).contains("<artifactId>runbookunit-smoke</artifactId>", "<artifactId>playwright</artifactId>",
                "<artifactId>testcontainers-bom</artifactId>", "<artifactId>junit-bom</artifactId>");
    }

    private static String block(String marker) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = Pattern.compile("<!-- " + Pattern.quote(marker) + " -->\\n```\\w+\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).as("README block after <!-- " + marker + " -->").isTrue();
        return block.group(1);
    }

    private static String property(String pom, String name) {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(value.find()).as(name).isTrue();
        return value.group(1);
    }

    private static String between(String text, String start, String end) {
        return text.substring(text.indexOf(start), text.indexOf(end) + end.length());
    }

    private static String squash(String xml) {
        return xml.replaceAll(">\\s+<", "><").trim();
    }
}
