package org.runbookunit.internal.process;

import java.nio.charset.StandardCharsets;

/**
 * Hold the head of what a process or a remote command wrote, and how much of it was cut.
 *
 * @param head the first bytes written, at most the cap
 * @param totalBytes how many bytes were written in all
 */
public record CappedOutput(byte[] head, long totalBytes) {

    /** Return nothing written. */
    public static CappedOutput empty() {
        return new CappedOutput(new byte[0], 0);
    }

    /** Return the kept head as UTF-8 text, without a note about what was cut. */
    public String text() {
        return new String(head, StandardCharsets.UTF_8);
    }

    /** Return how many bytes were written beyond the cap and not kept. */
    public long cutBytes() {
        return totalBytes - head.length;
    }

    /** Tell whether more was written than kept. */
    public boolean truncated() {
        return cutBytes() > 0;
    }

    /** Return the kept head as text, followed by a note naming how much was cut when something was. */
    public String describe() {
        return truncated() ? text() + "\n… (output capped: " + cutBytes() + " more bytes of " + totalBytes + " not kept)"
                : text();
    }
}
