package org.runbookunit.internal.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.runbookunit.internal.Texts;
import org.runbookunit.ledger.LedgerEntry;
import org.runbookunit.ledger.LedgerException;
import org.runbookunit.ledger.RunLedger;

/**
 * Keep the ledger as one append-only JSON-lines file per runbook ({@code <folder>/<runbook-id>.jsonl}): each run is one
 * line written by one {@code write} under an exclusive file lock, so threads and JVMs on one machine append safely; a
 * line a killed writer left half-written is skipped when read.
 */
public final class FileLedger implements RunLedger {

    /** One lock per file for the threads of this JVM: a JVM cannot hold two overlapping file locks itself. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path folder;

    /** Create a store in a folder, created on the first append. */
    public FileLedger(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public void append(LedgerEntry entry) {
        Path file = file(entry.runbookId());
        byte[] line = (LedgerJson.write(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        ReentrantLock lock = IN_PROCESS.computeIfAbsent(file, ignored -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock ignored = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        } catch (IOException cannotWrite) {
            throw new LedgerException("cannot append to the run ledger file [" + file + "]: " + cannotWrite, cannotWrite);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<LedgerEntry> runs(String runbookId, String environment) {
        Path file = file(runbookId);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<LedgerEntry> runs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                readable(line).filter(entry -> entry.runbookId().equals(runbookId) && entry.environment().equals(environment))
                        .ifPresent(runs::add);
            }
        } catch (IOException cannotRead) {
            throw new LedgerException("cannot read the run ledger file [" + file + "]: " + cannotRead, cannotRead);
        }
        runs.sort(java.util.Comparator.comparing(LedgerEntry::startedAt));
        return List.copyOf(runs);
    }

    @Override
    public String location() {
        return folder.toString();
    }

    /** Return the file holding a runbook's runs. */
    Path file(String runbookId) {
        return folder.resolve(Texts.slug(runbookId) + ".jsonl");
    }

    private static java.util.Optional<LedgerEntry> readable(String line) {
        if (line.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LedgerJson.read(line));
        } catch (IOException | RuntimeException halfWritten) {
            return java.util.Optional.empty();
        }
    }
}
