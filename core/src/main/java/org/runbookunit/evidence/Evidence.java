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
import org.runbookunit.internal.Texts;

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

    private final Path reportDir;
    private final String prefix;
    private final List<EvidenceItem> items = new ArrayList<>();
    private boolean folderCreated;

    /**
     * Create a recorder for one step.
     *
     * @param reportDir the runbook's report folder
     * @param prefix what every file name starts with, usually the step id
     */
    public Evidence(Path reportDir, String prefix) {
        this.reportDir = reportDir;
        this.prefix = prefix;
    }

    /** Save a text file and return where it went. */
    public EvidenceItem text(String name, String content) {
        return save(name, "txt", content.getBytes(StandardCharsets.UTF_8));
    }

    /** Save a value as pretty-printed JSON and return where it went. */
    public EvidenceItem json(String name, Object value) {
        try {
            return save(name, "json", JSON.writeValueAsBytes(value));
        } catch (IOException notSerializable) {
            throw new UncheckedIOException("cannot write evidence [" + name + "] as JSON", notSerializable);
        }
    }

    /** Save raw bytes with the given file extension (no dot) and return where it went. */
    public synchronized EvidenceItem save(String name, String extension, byte[] content) {
        String fileName = prefix + "-" + String.format("%02d", items.size() + 1) + "-" + Texts.slug(name) + "." + extension;
        Path file = reportDir.resolve(FOLDER).resolve(fileName);
        try {
            if (!folderCreated) {
                Files.createDirectories(file.getParent());
                folderCreated = true;
            }
            Files.write(file, content);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write evidence file " + file, cannotWrite);
        }
        EvidenceItem item = new EvidenceItem(FOLDER + "/" + fileName, name);
        items.add(item);
        return item;
    }

    /** Return what was saved so far, in order. */
    public synchronized List<EvidenceItem> items() {
        return List.copyOf(items);
    }
}
