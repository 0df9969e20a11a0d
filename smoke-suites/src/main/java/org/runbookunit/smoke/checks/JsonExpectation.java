package org.runbookunit.smoke.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/** Compare the JSON value at a path: {@code { path: checks.database, eq: ok }}; plain paths never load Groovy. */
public final class JsonExpectation extends Comparison {

    @JsonProperty("path")
    String path;

    /** Read by Jackson. */
    public JsonExpectation() {
    }

    void validateAt(String where) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(where + " has no [path]; write { path: status, eq: healthy }");
        }
        validate(where + " [" + path + "]");
    }

    /** Return the comparison as a Hamcrest matcher, as {@code HttpCall.expectJson(path, matcher)} takes it. */
    Matcher<Object> matcher() {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return mismatch(actual).isEmpty();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(describe());
            }
        };
    }
}
