package org.runbookunit.smoke.checks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import org.runbookunit.smoke.spi.SmokeCheck;

/** Read {@code http: {...}}: the one key names the check kind, its value is read into that kind's class. */
public final class CheckReader {

    /** The Jackson attribute under which the suite loader passes the {@link Kinds}. */
    public static final String KINDS = CheckReader.class.getName() + ".kinds";

    private CheckReader() {
    }

    /** Find the class a check kind's value is read into, by the kind's name. */
    public interface Kinds {

        /** Return the class of a kind, if one is registered under that name. */
        Optional<Class<? extends SmokeCheck>> spec(String name);

        /** Return every registered kind's name. */
        Set<String> names();
    }

    /**
     * One check as written.
     *
     * @param kind the kind's name
     * @param check the check
     * @param line the line the check starts on
     */
    public record Entry(String kind, SmokeCheck check, int line) {
    }

    /** Read one check at the parser's current object; unknown kinds and two kinds in one item fail at their line. */
    public static Entry read(JsonParser parser, DeserializationContext context) throws IOException {
        int line = parser.currentLocation().getLineNr();
        if (parser.currentToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME) {
            return context.reportInputMismatch(Entry.class, "a check is one key naming its kind, e.g. "
                    + "[http: { endpoint: api, path: /health, status: 200 }]");
        }
        Kinds kinds = (Kinds) context.getAttribute(KINDS);
        String name = parser.currentName();
        Class<? extends SmokeCheck> spec = kinds.spec(name).orElseThrow(() -> UnrecognizedPropertyException.from(parser,
                Entry.class, name, new ArrayList<>(kinds.names())));
        parser.nextToken();
        SmokeCheck check = context.readValue(parser, spec);
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            return context.reportInputMismatch(Entry.class, "a check has exactly one kind but [" + name
                    + "] is followed by [" + parser.currentName() + "]; write each check as its own list item (- "
                    + parser.currentName() + ": …)");
        }
        if (check == null) {
            return context.reportInputMismatch(Entry.class, "check [" + name + "] is empty");
        }
        return new Entry(name, check, line);
    }
}
