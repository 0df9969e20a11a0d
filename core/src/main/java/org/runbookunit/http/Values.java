package org.runbookunit.http;

import java.math.BigDecimal;
import java.util.Objects;
import org.runbookunit.internal.Texts;

/** Compare and print JSON values the way a runbook author means them. */
final class Values {

    private Values() {
    }

    /** Compare, treating numbers by value: {@code 747} equals {@code 747L} and {@code 747.0}. */
    static boolean same(Object expected, Object actual) {
        if (expected instanceof Number wanted && actual instanceof Number got) {
            return new BigDecimal(wanted.toString()).compareTo(new BigDecimal(got.toString())) == 0;
        }
        return Objects.equals(expected, actual);
    }

    /** Print a value in brackets: strings quoted, long values cut. */
    static String show(Object value) {
        String text = value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
        return "[" + Texts.snippet(text, 200) + "]";
    }
}
