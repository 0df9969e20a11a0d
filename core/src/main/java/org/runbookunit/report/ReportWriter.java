package org.runbookunit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.runbookunit.model.RunbookResult;
import org.runbookunit.secrets.Secrets;

/**
 * Write a run's report folder: {@code report.md}, {@code report.json}, {@code report.html}, then
 * {@code manifest.sha256} over every file in the folder (evidence included); append the summary to a CI step summary
 * file when one is given. Every document is redacted with the run's secrets.
 */
public final class ReportWriter {

    private final Optional<Path> stepSummary;
    private final Secrets secrets;

    /**
     * Create a writer.
     *
     * @param stepSummary a file the Markdown summary is appended to, e.g. {@code $GITHUB_STEP_SUMMARY}
     * @param secrets values replaced by {@code ***} in every document
     */
    public ReportWriter(Optional<Path> stepSummary, Secrets secrets) {
        this.stepSummary = stepSummary;
        this.secrets = secrets;
    }

    /** Write the report and return the path of {@code report.md}. */
    public Path write(RunbookResult result) {
        writeDocuments(result);
        return seal(result);
    }

    /** Write (or rewrite) {@code report.json}, {@code report.md} and {@code report.html}. */
    public void writeDocuments(RunbookResult result) {
        try {
            Files.createDirectories(result.reportDir());
            Files.writeString(result.reportDir().resolve(JsonReport.FILE_NAME), secrets.redact(new JsonReport().render(result)),
                    StandardCharsets.UTF_8);
            Files.writeString(markdownFile(result), secrets.redact(new MarkdownReport().render(result)), StandardCharsets.UTF_8);
            String html = secrets.redact(new HtmlReport(result.reportDir()).render(result));
            Files.writeString(result.reportDir().resolve(HtmlReport.FILE_NAME), HtmlText.inlineImages(html, result.reportDir()),
                    StandardCharsets.UTF_8);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write the report in " + result.reportDir(), cannotWrite);
        }
    }

    /** Write {@code manifest.sha256} over every file of the folder, append the CI step summary, return {@code report.md}. */
    public Path seal(RunbookResult result) {
        try {
            Manifest.write(result.reportDir());
            appendStepSummary(secrets.redact(new MarkdownReport().summary(result)) + "\nReport: `" + markdownFile(result) + "`\n");
            return markdownFile(result);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot seal the report in " + result.reportDir(), cannotWrite);
        }
    }

    private static Path markdownFile(RunbookResult result) {
        return result.reportDir().resolve(MarkdownReport.FILE_NAME);
    }

    private void appendStepSummary(String markdown) throws IOException {
        if (stepSummary.isPresent()) {
            Files.writeString(stepSummary.get(), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
