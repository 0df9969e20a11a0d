package org.runbookunit.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.TreeSet;

/** Suggest the valid key a mistyped one was probably meant to be: {@code readonly → read-only}. */
public final class ClosestKey {

    private ClosestKey() {
    }

    /** Return {@code "; did you mean [read-only]? valid keys here: […]"}, or only the valid keys when none is close. */
    public static String suggestion(String typed, Collection<Object> known) {
        TreeSet<String> keys = new TreeSet<>(known.stream().map(Objects::toString).toList());
        String closest = keys.stream().min(Comparator.comparingInt(key -> distance(typed, key))).orElse(null);
        String valid = "valid keys here: " + keys;
        if (closest == null || distance(typed, closest) > Math.max(2, closest.length() / 2)) {
            return "; " + valid;
        }
        return "; did you mean [" + closest + "]? " + valid;
    }

    /** Count the single-character edits between two keys, ignoring case, dashes and underscores. */
    static int distance(String left, String right) {
        String a = normalise(left);
        String b = normalise(right);
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String normalise(String key) {
        return key.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    }
}
