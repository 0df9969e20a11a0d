package org.runbookunit.examples.airdemand;

import java.math.BigInteger;
import java.util.Optional;

/** Read how many roles to list from {@code limit}, or from its alias {@code page_size}. */
final class LimitParameter {

    static final int DEFAULT_LIMIT = 20;
    static final int MIN_LIMIT = 1;
    static final int MAX_LIMIT = 100;
    private static final String NAME = "limit";
    private static final String ALIAS = "page_size";

    private LimitParameter() {
    }

    /** Return the requested limit, or throw {@link InvalidQueryParameterException} when it is unusable. */
    static int read(QueryParameters query) {
        Optional<String> limit = query.value(NAME);
        if (limit.isPresent()) {
            return validate(NAME, limit.get());
        }
        return query.value(ALIAS).map(pageSize -> validate(ALIAS, pageSize)).orElse(DEFAULT_LIMIT);
    }

    private static int validate(String name, String input) {
        BigInteger value = parse(name, input);
        if (value.compareTo(BigInteger.valueOf(MIN_LIMIT)) < 0) {
            throw new InvalidQueryParameterException(
                    name, input, "Input should be greater than or equal to " + MIN_LIMIT);
        }
        if (value.compareTo(BigInteger.valueOf(MAX_LIMIT)) > 0) {
            throw new InvalidQueryParameterException(
                    name, input, "Input should be less than or equal to " + MAX_LIMIT);
        }
        return value.intValueExact();
    }

    private static BigInteger parse(String name, String input) {
        try {
            return new BigInteger(input.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidQueryParameterException(
                    name, input, "Input should be a valid integer, unable to parse string as an integer");
        }
    }
}
