package org.runbookunit.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.runbookunit.internal.Texts;
import org.runbookunit.secrets.Secrets;

/**
 * Save what a step saw as files the report links to.
 *
 * <pre>{@code
 * @Step(order = 1, value = "Scrape summary recorded")
 * void summary(Http http, Evidence evidence) {
 *     evidence.text("scrape summary", http.get("api", "/monitoring/errors").body());
 * }
 * }</pre>
 *
 * <p>Files are named {@code evidence/<step>-<nn>-<name>.<ext>} inside the runbook's report folder.
 */
public final class Evidence {

    /** The folder, inside a runbook's report folder, that holds every evidence file. */
    public static final String FOLDER = "evidence";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "json", "http", "csv", "md", "html", "log", "xml",
            "yaml", "yml", "sql");

    private final Path reportDir;
    private final String prefix;
    private final Secrets secrets;
    private final List<EvidenceItem> items = new ArrayList<>();
    private boolean folderCreated;

    /**
     * Create a recorder for one step.
     *
     * @param reportDir the runbook's report folder
     * @param prefix what every file name starts with, usually the step id
     */
    public Evidence(Path reportDir, String prefix) {
        this(reportDir, prefix, Secrets.none());
    }

    /**
     * Create a recorder for one step whose text files are redacted with the run's secrets.
     *
     * @param reportDir the runbook's report folder
     * @param prefix what every file name starts with, usually the step id
     * @param secrets the values replaced by {@code ***} in every text file
     */
    public Evidence(Path reportDir, String prefix, Secrets secrets) {
        this.reportDir = reportDir;
        this.prefix = prefix;
        this.secrets = secrets;
    }

    /** Save a text file and return where it went. */
    public EvidenceItem text(String name, String content) {
        return save(name, "txt", content.getBytes(StandardCharsets.UTF_8));
    }

    /** Save a value as pretty-printed JSON and return where it went. */
    public EvidenceItem json(String name, Object value) {
        return json(name, value, name);
    }

    /** Save a value as pretty-printed JSON, described in the report by {@code description}, and return where it went. */
    public EvidenceItem json(String name, Object value, String description) {
        try {
            return save(name, "json", JSON.writeValueAsBytes(value), description);
        } catch (IOException notSerializable) {
            throw new UncheckedIOException("cannot write evidence [" + name + "] as JSON", notSerializable);
        }
    }

    /**
     * Save bytes with the given file extension (no dot) and return where it went. Text files ({@code txt}, {@code json},
     * {@code http}, {@code csv}, …) are redacted; binary ones (screenshots) cannot be, and the run's leak check scans them.
     */
    public EvidenceItem save(String name, String extension, byte[] content) {
        return save(name, extension, content, name);
    }

    /** Save bytes like {@link #save(String, String, byte[])}, described in the report by {@code description}. */
    public synchronized EvidenceItem save(String name, String extension, byte[] content, String description) {
        int number = items.size() + 1;
        String fileName = prefix + (number < 10 ? "-0" : "-") + number + "-" + Texts.slug(secrets.redact(name)) + "." + extension;
        Path file = reportDir.resolve(FOLDER).resolve(fileName);
        try {
            if (!folderCreated) {
                Files.createDirectories(file.getParent());
                folderCreated = true;
            }
            Files.write(file, redacted(extension, content));
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write evidence file " + file, cannotWrite);
        }
        EvidenceItem item = new EvidenceItem(FOLDER + "/" + fileName, secrets.redact(description));
        items.add(item);
        return item;
    }

    private byte[] redacted(String extension, byte[] content) {
        if (secrets.isEmpty() || !TEXT_EXTENSIONS.contains(extension)) {
            return content;
        }
        return secrets.redact(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** Return what was saved so far, in order. */
    public synchronized List<EvidenceItem> items() {
        return List.copyOf(items);
    }
}
