package org.runbookunit.smoke.checks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import org.runbookunit.smoke.spi.SmokeCheck;

/** Read the check a window repeats ({@code check: { http: {...} }}) like any check of a step. */
final class NestedCheckDeserializer extends JsonDeserializer<SmokeCheck> {

    @Override
    public SmokeCheck deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return CheckReader.read(parser, context).check();
    }
}
