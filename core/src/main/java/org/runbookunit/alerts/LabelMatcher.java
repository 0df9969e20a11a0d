package org.runbookunit.alerts;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Match an alert by one label, written as Alertmanager writes matchers: {@code severity=info}, {@code env!=prod},
 * {@code alertname=~"Watchdog|InfoInhibitor"}, {@code team!~db.*}. Regular expressions match the whole value.
 *
 * @param label the label name
 * @param operator one of {@code =}, {@code !=}, {@code =~}, {@code !~}
 * @param value the value or regular expression
 */
public record LabelMatcher(String label, String operator, String value) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"?(.*?)\"?\\s*");

    /** Parse a matcher, or fail naming the bad text and the syntax. */
    public static LabelMatcher parse(String text) {
        Matcher parsed = SYNTAX.matcher(text);
        if (!parsed.matches()) {
            throw new IllegalArgumentException("label matcher [" + text + "] is not valid: write label=value, "
                    + "label!=value, label=~regex or label!~regex, e.g. severity=info");
        }
        LabelMatcher matcher = new LabelMatcher(parsed.group(1), parsed.group(2), parsed.group(3));
        if (matcher.operator.contains("~")) {
            try {
                Pattern.compile(matcher.value);
            } catch (PatternSyntaxException bad) {
                throw new IllegalArgumentException("label matcher [" + text + "] has an invalid regular expression: "
                        + bad.getDescription(), bad);
            }
        }
        return matcher;
    }

    /** Tell whether an alert with these labels matches; a missing label is the empty value, as in Alertmanager. */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(label, "");
        return switch (operator) {
            case "=" -> actual.equals(value);
            case "!=" -> !actual.equals(value);
            case "=~" -> actual.matches(value);
            default -> !actual.matches(value);
        };
    }

    @Override
    public String toString() {
        return label + operator + value;
    }
}
