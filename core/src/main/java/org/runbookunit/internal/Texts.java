package org.runbookunit.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Shorten and slug text for messages and file names. */
public final class Texts {

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private Texts() {
    }

    /** Turn a title into a file-name-safe slug: {@code "GET /health/db" → "get-health-db"}. */
    public static String slug(String text) {
        String slug = EDGE_DASHES.matcher(NOT_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        if (slug.length() > 60) {
            slug = EDGE_DASHES.matcher(slug.substring(0, 60)).replaceAll("");
        }
        return slug.isEmpty() ? "item" : slug;
    }

    /** Return at most {@code max} characters of a text, saying how much was cut. */
    public static String snippet(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").trim();
        if (flat.length() <= max) {
            return flat;
        }
        return flat.substring(0, max) + "… (" + (flat.length() - max) + " more characters)";
    }

    /** Return the first line of a text, e.g. the headline of a multi-line failure message. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
