package org.runbookunit.smoke;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import org.runbookunit.smoke.checks.CheckReader;

/** Read one item of a step's {@code checks} list, keeping the line it is on for validation errors. */
final class CheckEntryDeserializer extends JsonDeserializer<SuiteModel.CheckEntry> {

    @Override
    public SuiteModel.CheckEntry deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        CheckReader.Entry entry = CheckReader.read(parser, context);
        return new SuiteModel.CheckEntry(entry.kind(), entry.check(), entry.line());
    }
}
