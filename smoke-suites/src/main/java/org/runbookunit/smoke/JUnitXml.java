package org.runbookunit.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.runbookunit.Outcome;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.model.StepResult;

/**
 * Write a run as JUnit XML beside its report ({@code TEST-<runbook-id>.xml}), one test case per step, the way
 * Surefire shows a runbook: FAILED as a failure; WARNED, WAIVED, SKIPPED, BLOCKED and PENDING as skipped with the
 * reason. Messages are the engine's, already redacted.
 */
final class JUnitXml {

    private JUnitXml() {
    }

    /** Write the file and return its path. */
    static Path write(RunbookResult result) {
        Path file = result.reportDir().resolve("TEST-" + result.plan().id() + ".xml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", result.plan().title());
            xml.writeAttribute("tests", Integer.toString(result.steps().size()));
            xml.writeAttribute("failures", Long.toString(count(result, Outcome.FAILED)));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(result.steps().size() - count(result, Outcome.FAILED)
                    - count(result, Outcome.PASSED)));
            xml.writeAttribute("time", seconds(result.duration().toMillis()));
            xml.writeAttribute("timestamp", result.startedAt().toString());
            properties(xml, result);
            for (StepResult step : result.steps()) {
                testcase(xml, result, step);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write " + file, cannotWrite);
        } catch (XMLStreamException cannotWrite) {
            throw new IllegalStateException("cannot write " + file + ": " + cannotWrite.getMessage(), cannotWrite);
        }
        return file;
    }

    private static void properties(XMLStreamWriter xml, RunbookResult result) throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "runbook.env", result.environment());
        property(xml, "runbook.verdict", result.decision().verdict().label());
        property(xml, "runbook.report", result.reportDir().resolve("report.md").toString());
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void testcase(XMLStreamWriter xml, RunbookResult result, StepResult step) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", step.step().label());
        xml.writeAttribute("classname", result.plan().id() + (step.step().phase().isEmpty() ? ""
                : "." + step.step().phase()));
        xml.writeAttribute("time", seconds(step.duration().toMillis()));
        switch (step.outcome()) {
            case PASSED -> { }
            case FAILED -> element(xml, "failure", step);
            default -> element(xml, "skipped", step);
        }
        if (!step.message().isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(step.outcome().name() + ": " + step.message());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, StepResult step) throws XMLStreamException {
        xml.writeStartElement(name);
        String firstLine = step.message().lines().findFirst().orElse("");
        xml.writeAttribute("message", step.outcome().name() + (firstLine.isEmpty() ? "" : ": " + firstLine));
        if (name.equals("failure")) {
            xml.writeAttribute("type", "org.runbookunit." + step.outcome().name().toLowerCase(Locale.ROOT));
            xml.writeCharacters(step.message());
        }
        xml.writeEndElement();
    }

    private static long count(RunbookResult result, Outcome outcome) {
        return result.steps().stream().filter(step -> step.outcome() == outcome).count();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
