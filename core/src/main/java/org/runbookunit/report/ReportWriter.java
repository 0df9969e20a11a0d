package org.runbookunit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.runbookunit.run.RunbookResult;

/**
 * Write a run's report folder: {@code report.md}, {@code report.json}, then {@code manifest.sha256} over every file in
 * the folder (evidence included); append the summary to a CI step summary file when one is given.
 */
public final class ReportWriter {

    private final Optional<Path> stepSummary;

    /**
     * Create a writer.
     *
     * @param stepSummary a file the Markdown summary is appended to, e.g. {@code $GITHUB_STEP_SUMMARY}
     */
    public ReportWriter(Optional<Path> stepSummary) {
        this.stepSummary = stepSummary;
    }

    /** Write the report and return the path of {@code report.md}. */
    public Path write(RunbookResult result) {
        try {
            Files.createDirectories(result.reportDir());
            new JsonReport().write(result);
            MarkdownReport markdown = new MarkdownReport();
            Path document = markdown.write(result);
            Manifest.write(result.reportDir());
            appendStepSummary(markdown.summary(result) + "\nReport: `" + document + "`\n");
            return document;
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write the report in " + result.reportDir(), cannotWrite);
        }
    }

    private void appendStepSummary(String markdown) throws IOException {
        if (stepSummary.isPresent()) {
            Files.writeString(stepSummary.get(), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
