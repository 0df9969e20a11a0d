package org.runbookunit.internal;

import java.util.Locale;

/** Shorten and slug text for messages and file names. */
public final class Texts {

    private Texts() {
    }

    /** Turn a title into a file-name-safe slug: {@code "GET /health/db" → "get-health-db"}. */
    public static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
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
