package org.runbookunit.shell;

import java.nio.file.Path;
import java.time.Duration;
import org.runbookunit.secrets.Secrets;

/**
 * Tell how a file copied off a host arrived: where, how many bytes, its SHA-256 (equal to the host's
 * {@code sha256sum}, or the copy would have failed), how long it took, and the evidence file that records it.
 *
 * <pre>{@code
 * shell.on("app").download("/root/backups/production_backup.sql.gz", Path.of("target/backups/production_backup.sql.gz"))
 *         .expectSizeAtLeast(1024);
 * }</pre>
 */
public final class FileCopy {

    private final String host;
    private final String remotePath;
    private final Path localFile;
    private final long bytes;
    private final String sha256;
    private final Duration duration;
    private final String evidencePath;
    private final Secrets secrets;

    FileCopy(String host, String remotePath, Path localFile, long bytes, String sha256, Duration duration,
            String evidencePath, Secrets secrets) {
        this.host = host;
        this.remotePath = remotePath;
        this.localFile = localFile;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.duration = duration;
        this.evidencePath = evidencePath;
        this.secrets = secrets;
    }

    /** Expect the copy to hold at least {@code minimum} bytes, like seed 001's "~50-100 MB compressed". */
    public FileCopy expectSizeAtLeast(long minimum) {
        if (bytes < minimum) {
            throw new ShellExpectationError(secrets.redact("[" + remotePath + "] copied from host [" + host + "] holds "
                    + bytes + " bytes, expected at least " + minimum + "\n  evidence: " + evidencePath));
        }
        return this;
    }

    /** Return the copy on this machine. */
    public Path localFile() {
        return localFile;
    }

    /** Return the copy's size in bytes. */
    public long bytes() {
        return bytes;
    }

    /** Return the copy's SHA-256 in hex, the same as the host's {@code sha256sum} printed. */
    public String sha256() {
        return sha256;
    }

    /** Return how long the transfer and the checksum comparison took. */
    public Duration duration() {
        return duration;
    }

    /** Return the evidence file, relative to the runbook's report folder. */
    public String evidencePath() {
        return evidencePath;
    }

    @Override
    public String toString() {
        return "[" + remotePath + "] from host [" + host + "] → " + localFile + " (" + bytes + " bytes, sha256 " + sha256
                + ")";
    }
}
