package org.runbookunit.suites;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.runbookunit.internal.Texts;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Count the test cases of JUnit XML reports as Surefire, pytest ({@code --junitxml}) and Playwright's {@code junit}
 * reporter write them: every {@code <testcase>} is passed unless it holds {@code <failure>} or {@code <error>}
 * (failed) or {@code <skipped>} (skipped). A folder is read as every {@code *.xml} file in it.
 */
final class JUnitReports {

    private JUnitReports() {
    }

    static SuiteResult read(String name, Path report, int exitCode, Duration elapsed) {
        int[] counts = new int[3];
        List<FailedCase> failures = new ArrayList<>();
        for (Path file : files(report)) {
            NodeList cases = parse(file).getElementsByTagName("testcase");
            for (int index = 0; index < cases.getLength(); index++) {
                count((Element) cases.item(index), counts, failures);
            }
        }
        return new SuiteResult(name, exitCode, counts[0], counts[1], counts[2], failures, elapsed);
    }

    private static void count(Element testCase, int[] counts, List<FailedCase> failures) {
        Element failure = first(testCase, "failure");
        Element error = failure == null ? first(testCase, "error") : failure;
        if (error != null) {
            counts[1]++;
            String message = error.getAttribute("message").isBlank() ? error.getTextContent() : error.getAttribute("message");
            failures.add(new FailedCase(testCase.getAttribute("classname"), testCase.getAttribute("name"),
                    Texts.snippet(Texts.firstLine(message.strip()), 300)));
        } else if (first(testCase, "skipped") != null) {
            counts[2]++;
        } else {
            counts[0]++;
        }
    }

    private static Element first(Element parent, String tag) {
        NodeList children = parent.getElementsByTagName(tag);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }

    private static List<Path> files(Path report) {
        if (!Files.isDirectory(report)) {
            return List.of(report);
        }
        try (Stream<Path> files = Files.list(report)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException unreadable) {
            throw new SuiteException("cannot list the JUnit reports in [" + report + "]: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    private static org.w3c.dom.Document parse(Path file) {
        try {
            return builder().parse(file.toFile());
        } catch (SAXException | IOException notJUnit) {
            throw new SuiteException("cannot read the JUnit XML report [" + file + "]: " + notJUnit.getMessage()
                    + "; point the suite at the file its junit reporter writes", notJUnit);
        }
    }

    /** Return a parser that reads no DTD and no external entity (a report is untrusted input). */
    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException unsupported) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", unsupported);
        }
    }
}
