package org.runbookunit.suites;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.runbookunit.evidence.Evidence;

/** Save a suite's result (counts and every failed case) as JSON evidence, with a copy of its report file. */
final class SuiteEvidence {

    private static final int LISTED = 20;

    private SuiteEvidence() {
    }

    static String save(Evidence evidence, SuiteSpec spec, SuiteResult result, Path report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", spec.name());
        document.put("command", String.join(" ", spec.command()));
        document.put("host", spec.host().orElse("runner"));
        document.put("directory", spec.host().isPresent()
                ? spec.directory().map(Path::toString).orElse("(login directory)") : spec.localDirectory().toString());
        document.put("environmentVariables", spec.environment().keySet());
        document.put("report", spec.host().map(host -> host + ":" + spec.report().orElseThrow())
                .orElse(report.toString()));
        document.put("exitCode", result.exitCode());
        document.put("elapsedMs", result.elapsed().toMillis());
        document.put("summary", result.summary());
        document.put("passed", result.passed());
        document.put("failed", result.failed());
        document.put("skipped", result.skipped());
        document.put("passRate", result.passRate());
        document.put("failures", result.failures().stream().map(failure -> Map.of("suite", failure.suite(),
                "name", failure.name(), "message", failure.message())).toList());
        String path = evidence.json("suite " + spec.name(), document, "suite " + spec.name() + ": " + result.summary())
                .path();
        if (Files.isRegularFile(report)) {
            try {
                String extension = spec.k6() ? "json" : "xml";
                evidence.save("suite " + spec.name() + " report", extension, Files.readAllBytes(report),
                        "suite " + spec.name() + " report (" + report.getFileName() + ")");
            } catch (IOException unreadable) {
                // the counts are saved; a report that vanished after it was read is not worth failing the step
            }
        }
        return path;
    }

    /** Return the failed cases as indented lines for a message, the first {@value #LISTED} of them. */
    static String failedCases(SuiteResult result) {
        if (result.failures().isEmpty()) {
            return "";
        }
        String listed = result.failures().stream().limit(LISTED).map(failure -> "    " + failure)
                .collect(Collectors.joining("\n"));
        return "\n  failed cases (" + result.failures().size() + "):\n" + listed
                + (result.failures().size() > LISTED ? "\n    … " + (result.failures().size() - LISTED) + " more" : "");
    }
}
