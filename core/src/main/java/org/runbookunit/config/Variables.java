package org.runbookunit.config;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbookunit.internal.PercentEncoding;
import org.runbookunit.secrets.Secrets;

/**
 * Resolve {@code ${VAR}} and {@code ${VAR:-default}} from the process environment. Values taken from the environment
 * become secrets; missing variables are collected so they can all be reported at once.
 */
final class Variables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> environment;
    private final Secrets secrets;
    private final Set<String> missing;

    Variables(Map<String, String> environment, Secrets secrets, Set<String> missing) {
        this.environment = environment;
        this.secrets = secrets;
        this.missing = missing;
    }

    /** Resolve a plain value. A null template stays null. */
    String resolve(String template) {
        return resolve(template, 0, template == null ? 0 : template.length(), UnaryOperator.identity());
    }

    /**
     * Resolve a URL, percent-encoding what goes into its user-info and query, so a password like {@code p@ss:w/rd}
     * needs no hand-encoding.
     */
    String resolveUrl(String template) {
        if (template == null) {
            return null;
        }
        UrlParts parts = UrlParts.of(template);
        return resolve(template, 0, parts.userInfoStart(), UnaryOperator.identity())
                + resolve(template, parts.userInfoStart(), parts.userInfoEnd(), PercentEncoding::encode)
                + resolve(template, parts.userInfoEnd(), parts.queryStart(), UnaryOperator.identity())
                + resolve(template, parts.queryStart(), template.length(), PercentEncoding::encode);
    }

    private String resolve(String template, int from, int to, UnaryOperator<String> encoding) {
        if (template == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(template).region(from, to);
        StringBuilder resolved = new StringBuilder();
        int last = from;
        while (matcher.find()) {
            resolved.append(template, last, matcher.start()).append(encoding.apply(value(matcher)));
            last = matcher.end();
        }
        return resolved.append(template, last, to).toString();
    }

    private String value(Matcher placeholder) {
        String name = placeholder.group(1);
        String value = environment.get(name);
        if (value != null && !value.isEmpty()) {
            secrets.add("${" + name + "}", value);
            return value;
        }
        if (placeholder.group(2) != null) {
            return placeholder.group(2);
        }
        missing.add(name);
        return "unset-" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Find where a URL template's user-info and query are, ignoring characters inside {@code ${…}}. */
    record UrlParts(int userInfoStart, int userInfoEnd, int queryStart) {

        static UrlParts of(String template) {
            String masked = PLACEHOLDER.matcher(template).replaceAll(match -> "_".repeat(match.group().length()));
            int scheme = masked.indexOf("://");
            int authorityStart = scheme < 0 ? 0 : scheme + 3;
            int authorityEnd = firstOf(masked, authorityStart, "/?#");
            int at = masked.lastIndexOf('@', authorityEnd - 1);
            boolean hasUserInfo = scheme >= 0 && at >= authorityStart;
            int query = masked.indexOf('?', authorityStart);
            return new UrlParts(authorityStart, hasUserInfo ? at : authorityStart, query < 0 ? masked.length() : query);
        }

        private static int firstOf(String text, int from, String characters) {
            for (int index = from; index < text.length(); index++) {
                if (characters.indexOf(text.charAt(index)) >= 0) {
                    return index;
                }
            }
            return text.length();
        }
    }
}
