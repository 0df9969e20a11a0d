package org.runbookunit.smoke.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compare a value the way a suite writes it: {@code eq}, {@code ne}, {@code lt}, {@code gt}, {@code exists},
 * {@code size}; numbers compare by value ({@code 5 == 5.0}), a text equals a written value with the same text (a
 * version column read as {@code "7"} equals {@code eq: 7}), several comparisons must all hold.
 *
 * <pre>{@code
 * json: [ { path: status, eq: healthy }, { path: total, gt: 700 }, { path: roles, size: 5 } ]
 * }</pre>
 */
public class Comparison {

    @JsonProperty("eq")
    Object eq;
    @JsonProperty("ne")
    Object ne;
    @JsonProperty("lt")
    BigDecimal lt;
    @JsonProperty("gt")
    BigDecimal gt;
    @JsonProperty("exists")
    Boolean exists;
    @JsonProperty("size")
    Integer size;

    /** Compare nothing yet; Jackson fills the fields. */
    public Comparison() {
    }

    /** Expect the value to equal {@code expected}. */
    public static Comparison equalTo(Object expected) {
        Comparison comparison = new Comparison();
        comparison.eq = expected;
        return comparison;
    }

    /** Expect the value to be present (not absent, not null). */
    public static Comparison present() {
        Comparison comparison = new Comparison();
        comparison.exists = true;
        return comparison;
    }

    /** Fail unless at least one comparison is written. */
    void validate(String what) {
        if (eq == null && ne == null && lt == null && gt == null && exists == null && size == null) {
            throw new IllegalArgumentException(what + " compares nothing; add one of eq, ne, lt, gt, exists, size "
                    + "(e.g. { eq: healthy } or { gt: 700 })");
        }
        if (size != null && size < 0) {
            throw new IllegalArgumentException(what + " size must be >= 0 but was [" + size + "]");
        }
    }

    /** Return what is wrong with an actual value, or empty when every comparison holds. */
    public Optional<String> mismatch(Object actual) {
        List<String> wrong = new ArrayList<>();
        if (exists != null && exists != (actual != null)) {
            wrong.add(exists ? "expected a value but it is absent" : "expected no value but was " + show(actual));
        }
        if (eq != null && !same(eq, actual)) {
            wrong.add("expected " + show(eq) + " but was " + show(actual));
        }
        if (ne != null && same(ne, actual)) {
            wrong.add("expected anything but " + show(ne) + " but was " + show(actual));
        }
        if (lt != null && !(number(actual).map(value -> value.compareTo(lt) < 0).orElse(false))) {
            wrong.add("expected < " + lt.toPlainString() + " but was " + show(actual));
        }
        if (gt != null && !(number(actual).map(value -> value.compareTo(gt) > 0).orElse(false))) {
            wrong.add("expected > " + gt.toPlainString() + " but was " + show(actual));
        }
        if (size != null && sizeOf(actual).map(actualSize -> actualSize != size.intValue()).orElse(true)) {
            wrong.add("expected size " + size + " but was " + sizeOf(actual).map(String::valueOf).orElse(show(actual)));
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }

    /** Describe the comparisons: {@code "\"healthy\""}, {@code "> 700, size 5"}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (exists != null) {
            parts.add(exists ? "exists" : "absent");
        }
        Optional.ofNullable(eq).ifPresent(value -> parts.add(show(value)));
        Optional.ofNullable(ne).ifPresent(value -> parts.add("≠ " + show(value)));
        Optional.ofNullable(lt).ifPresent(value -> parts.add("< " + value.toPlainString()));
        Optional.ofNullable(gt).ifPresent(value -> parts.add("> " + value.toPlainString()));
        Optional.ofNullable(size).ifPresent(value -> parts.add("size " + value));
        return String.join(", ", parts);
    }

    private static boolean same(Object expected, Object actual) {
        Optional<BigDecimal> left = number(expected);
        Optional<BigDecimal> right = number(actual);
        if (expected instanceof Number && left.isPresent() && right.isPresent() && actual instanceof Number) {
            return left.get().compareTo(right.get()) == 0;
        }
        return Objects.equals(expected, actual) || actual != null && !(actual instanceof Number)
                && !(actual instanceof Collection) && !(actual instanceof Map) && expected.toString().equals(actual.toString());
    }

    private static Optional<BigDecimal> number(Object value) {
        if (value instanceof Number number) {
            try {
                return Optional.of(new BigDecimal(number.toString()));
            } catch (NumberFormatException notFinite) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> sizeOf(Object value) {
        if (value instanceof Collection<?> collection) {
            return Optional.of(collection.size());
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(map.size());
        }
        if (value instanceof CharSequence text) {
            return Optional.of(text.length());
        }
        if (value != null && value.getClass().isArray()) {
            return Optional.of(Array.getLength(value));
        }
        return Optional.empty();
    }

    static String show(Object value) {
        if (value == null) {
            return "absent";
        }
        return value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
    }
}
