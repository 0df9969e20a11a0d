package org.runbookunit.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hash a downloaded file the way {@code sha256sum} does, and tell its size. */
final class FileDigest {

    private FileDigest() {
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException unreadable) {
            throw new ShellException("cannot hash the download " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unreadable) {
            throw new ShellException("cannot read the size of the download " + file + ": " + unreadable.getMessage(),
                    unreadable);
        }
    }
}
