package org.runbookunit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every Java example in the Javadoc of core and the JUnit adapter compiles against the real API: each is wrapped in a
 * class (statements in a method) that has the usual facades as fields, and compiled with this module's class path.
 */
class JavadocExampleTests {

    private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)}</pre>", Pattern.DOTALL);
    private static final Pattern NOT_JAVA = Pattern.compile("^(#|[\\w-]+:|\"[\\w.]+\":)");
    private static final List<String> PACKAGES = List.of("", ".config", ".dashboard", ".db", ".evidence", ".gate",
            ".http", ".launch", ".model", ".rehearsal", ".report", ".run", ".secrets", ".spi", ".internal.run", ".windows",
            ".junit", ".examples", ".examples.airdemand", ".shell", ".logs", ".ledger", ".history", ".load", ".suites", ".metrics", ".alerts", ".grafana", ".redis", ".containers");
    private static final String FIELDS = "Http http; Database db; Database source; Dashboard dashboard; Windows windows; "
            + "Evidence evidence; RunbookEnvironment environment; RunbookPlan plan; RunbookSettings settings; "
            + "StepDefinition step; RunbookRun run; Backup backup; String token; Postgres postgres; "
            + "Shell shell; Logs logs; History history; Latency latency; Load load; Suites suites; "
            + "Metrics metrics; Alerts alerts; Grafana grafana; Redis redis; Containers containers;\n";

    @Test
    void everyJavadocExampleCompiles() throws IOException {
        List<JavaFileObject> units = new ArrayList<>();
        for (Path source : sources()) {
            Matcher examples = EXAMPLE.matcher(Files.readString(source));
            while (examples.find()) {
                String code = unComment(examples.group(1));
                if (!NOT_JAVA.matcher(code.strip()).find()) {
                    units.add(unit(source, units.size(), code));
                }
            }
        }
        StringWriter errors = new StringWriter();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createDirectories(Path.of("target", "javadoc-examples"));
        boolean compiled = compiler.getTask(errors, null, null, List.of("-d", out.toString(), "-proc:none",
                "-classpath", System.getProperty("java.class.path")), null, units).call();

        assertThat(units).hasSizeGreaterThan(30);
        assertThat(errors.toString()).as("Javadoc examples that do not compile").isEmpty();
        assertThat(compiled).isTrue();
    }

    private static List<Path> sources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String root : List.of("../core/src/main/java", "../junit-extension/src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(file -> file.toString().endsWith(".java") && !file.toString().contains("/internal/"))
                        .sorted().forEach(sources::add);
            }
        }
        return sources;
    }

    private static String unComment(String javadoc) {
        StringBuilder code = new StringBuilder();
        for (String line : javadoc.split("\n")) {
            String stripped = line.stripLeading();
            code.append(stripped.startsWith("* ") ? stripped.substring(2) : stripped.replaceFirst("^\\*", ""))
                    .append('\n');
        }
        return code.toString().replace("{ ... }", "{ }").replace("@@", "@");
    }

    private static JavaFileObject unit(Path source, int index, String code) {
        String name = source.getFileName().toString().replace(".java", "") + "Example" + index;
        boolean members = code.contains("void ") || code.contains("class ") || code.strip().startsWith("@");
        String body = members ? code : "void example() throws Exception {\n" + statements(code) + "\n}";
        StringBuilder text = new StringBuilder("package org.runbookunit.examples.javadoc;\n");
        PACKAGES.forEach(suffix -> text.append("import org.runbookunit").append(suffix).append(".*;\n"));
        text.append("import java.util.*;\nimport java.net.*;\nimport java.time.*;\nimport java.nio.file.*;\nimport org.junit.jupiter.api.Nested;\n")
                .append("import static org.assertj.core.api.Assertions.*;\n")
                .append("// from ").append(source).append('\n')
                .append("class ").append(name).append(" {\n").append(FIELDS).append(body).append("\n}\n");
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    /** Make a fragment a statement: an expression gets its semicolon, a chained call its receiver. */
    private static String statements(String code) {
        String trimmed = code.strip();
        String receiver = trimmed.startsWith(".") ? "http.get(\"api\", \"/\")" : "";
        boolean complete = trimmed.endsWith(";") || trimmed.endsWith("}");
        return receiver + trimmed + (complete ? "" : ";");
    }
}
