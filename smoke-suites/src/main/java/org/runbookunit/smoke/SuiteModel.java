package org.runbookunit.smoke;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import org.runbookunit.smoke.spi.SmokeCheck;

/**
 * Mirror a config-only suite file for Jackson. Plain fields, unknown keys rejected, so a typo is reported at its line.
 *
 * <pre>{@code
 * suite: air-demand production smoke
 * phases:
 *   - name: Health
 *     steps:
 *       - title: API /health returns healthy
 *         checks:
 *           - http: { endpoint: api, path: /health, status: 200, json: [ { path: status, eq: healthy } ] }
 * }</pre>
 */
final class SuiteModel {

    private SuiteModel() {
    }

    /** The file's top level: a title and either phases or steps. */
    static final class File {
        @JsonProperty("suite")
        String title;
        @JsonProperty("id")
        String id;
        @JsonProperty("budget")
        String budget;
        @JsonProperty("phases")
        List<Phase> phases;
        @JsonProperty("steps")
        List<Step> steps;
    }

    /** A phase: a name and its steps, in order. */
    static final class Phase {
        @JsonProperty("name")
        String name;
        @JsonProperty("only-in")
        List<String> onlyIn;
        @JsonProperty("not-in")
        List<String> notIn;
        @JsonProperty("steps")
        List<Step> steps;
    }

    /** A step: its title, severity, where it runs and its checks (or a manual instruction). */
    static final class Step {
        @JsonProperty("title")
        String title;
        @JsonProperty("severity")
        String severity;
        @JsonProperty("only-in")
        List<String> onlyIn;
        @JsonProperty("not-in")
        List<String> notIn;
        @JsonProperty("manual")
        String manual;
        @JsonProperty("checks")
        List<CheckEntry> checks;
    }

    /** One check: exactly one kind key ({@code http:}, {@code database:}…) and its value, with the line it is on. */
    @JsonDeserialize(using = CheckEntryDeserializer.class)
    static final class CheckEntry {
        final String kind;
        final SmokeCheck check;
        final int line;

        CheckEntry(String kind, SmokeCheck check, int line) {
            this.kind = kind;
            this.check = check;
            this.line = line;
        }
    }
}
