package org.runbookunit.smoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.runbookunit.config.ClosestKey;
import org.runbookunit.config.RunbookConfigurationException;
import org.runbookunit.smoke.checks.CheckReader;

/** Read a config-only suite file strictly: an unknown key fails with the file, the line and the closest valid key. */
final class SuiteLoader {

    private final ObjectReader reader;

    SuiteLoader(CheckKinds kinds) {
        this.reader = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .readerFor(SuiteModel.File.class).withAttribute(CheckReader.KINDS, kinds);
    }

    /** Load a suite file, failing clearly when it is missing or malformed. */
    Suite load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RunbookConfigurationException("--suite names a file that does not exist: [" + file.toAbsolutePath()
                    + "]; fix the path, or run a ready-made suite with --suite builtin:NAME (see list-suites)");
        }
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException unreadable) {
            throw new RunbookConfigurationException("cannot read " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    /** Parse a suite's bytes; {@code source} names it in every error. */
    Suite parse(String source, byte[] bytes) {
        SuiteModel.File parsed = read(source, bytes);
        return new SuiteCompiler(source).compile(parsed);
    }

    private SuiteModel.File read(String source, byte[] bytes) {
        try {
            SuiteModel.File file = reader.readValue(bytes);
            if (file == null) {
                throw new RunbookConfigurationException(source + " is empty; start it with [suite: <title>] and phases");
            }
            return file;
        } catch (UnrecognizedPropertyException unknown) {
            throw new RunbookConfigurationException(source + " line " + unknown.getLocation().getLineNr()
                    + ": unknown key [" + unknown.getPropertyName() + "] at " + path(unknown)
                    + ClosestKey.suggestion(unknown.getPropertyName(), unknown.getKnownPropertyIds()), unknown);
        } catch (MismatchedInputException wrongType) {
            throw new RunbookConfigurationException(source + " line " + wrongType.getLocation().getLineNr() + ": "
                    + path(wrongType) + ": " + wrongType.getOriginalMessage(), wrongType);
        } catch (JsonMappingException invalid) {
            Throwable cause = invalid.getCause() instanceof IllegalArgumentException bad ? bad : invalid;
            throw new RunbookConfigurationException(source + " line " + lineOf(invalid) + ": " + path(invalid) + ": "
                    + (cause == invalid ? invalid.getOriginalMessage() : cause.getMessage()), invalid);
        } catch (JsonProcessingException invalid) {
            throw new RunbookConfigurationException("cannot read " + source + " (line " + lineOf(invalid) + "): "
                    + invalid.getOriginalMessage(), invalid);
        } catch (IOException unreadable) {
            throw new RunbookConfigurationException("cannot read " + source + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static int lineOf(JsonProcessingException error) {
        return error.getLocation() == null ? 0 : error.getLocation().getLineNr();
    }

    private static String path(JsonMappingException error) {
        return error.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
