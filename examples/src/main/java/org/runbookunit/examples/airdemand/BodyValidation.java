package org.runbookunit.examples.airdemand;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Check the values of a JSON body one by one, collecting every problem before failing once. */
final class BodyValidation {

    private static final BigInteger FIRST_HOUR = BigInteger.ZERO;
    private static final BigInteger LAST_HOUR = BigInteger.valueOf(23);
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?");

    private final List<BodyError> errors = new ArrayList<>();

    /** Reject {@code key}, which the body may not hold. */
    void rejectUnknown(String key) {
        errors.add(BodyError.extraForbidden(key));
    }

    /** Return {@code value} when it is a non-blank string, else record why not. */
    Optional<String> text(String key, JsonNode value) {
        if (!value.isTextual()) {
            return reject(List.of("body", key), "Input should be a valid string", "string_type");
        }
        if (value.textValue().isBlank()) {
            return reject(List.of("body", key), "Value error, " + key + " must not be blank", "value_error");
        }
        return Optional.of(value.textValue());
    }

    /** Return {@code value} when it is an hour of the day (0 to 23), else record why not. */
    Optional<Integer> hour(List<Object> loc, JsonNode value) {
        if (!value.isIntegralNumber()) {
            return reject(loc, "Input should be a valid integer", "int_type");
        }
        BigInteger number = value.bigIntegerValue();
        if (number.compareTo(FIRST_HOUR) < 0) {
            return reject(loc, "Input should be greater than or equal to " + FIRST_HOUR, "greater_than_equal");
        }
        if (number.compareTo(LAST_HOUR) > 0) {
            return reject(loc, "Input should be less than or equal to " + LAST_HOUR, "less_than_equal");
        }
        return Optional.of(number.intValueExact());
    }

    /** Return {@code value} when it is a non-empty list of hours of the day, else record why not. */
    Optional<List<Integer>> hours(String key, JsonNode value) {
        if (!value.isArray()) {
            return reject(List.of("body", key), "Input should be a valid list", "list_type");
        }
        if (value.isEmpty()) {
            return reject(
                    List.of("body", key), "List should have at least 1 item after validation, not 0", "too_short");
        }
        int problemsBefore = errors.size();
        List<Integer> hours = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            hour(List.of("body", key, index), value.get(index)).ifPresent(hours::add);
        }
        return errors.size() == problemsBefore ? Optional.of(List.copyOf(hours)) : Optional.empty();
    }

    /** Return {@code value} when it is a list of origins ({@code http(s)://host[:port]}, no path), else record why not. */
    Optional<List<String>> origins(String key, JsonNode value) {
        if (!value.isArray()) {
            return reject(List.of("body", key), "Input should be a valid list", "list_type");
        }
        int problemsBefore = errors.size();
        List<String> origins = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            JsonNode origin = value.get(index);
            if (origin.isTextual() && ORIGIN.matcher(origin.textValue()).matches()) {
                origins.add(origin.textValue());
            } else {
                reject(List.of("body", key, index), "Value error, an origin is scheme://host[:port] without a path",
                        "value_error");
            }
        }
        return errors.size() == problemsBefore ? Optional.of(List.copyOf(origins)) : Optional.empty();
    }

    /** Throw {@link InvalidRequestBodyException} listing every problem recorded so far, if there was one. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestBodyException(errors);
        }
    }

    private <T> Optional<T> reject(List<Object> loc, String msg, String type) {
        errors.add(BodyError.at(loc, msg, type));
        return Optional.empty();
    }
}
