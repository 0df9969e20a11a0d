package org.runbookunit.internal.process;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** Keep the first {@code cap} bytes written to it and count the rest, so a chatty child cannot exhaust memory. */
public final class CappedOutputStream extends OutputStream {

    private final int cap;
    private final ByteArrayOutputStream head;
    private long total;

    /** Keep at most {@code cap} bytes. */
    public CappedOutputStream(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("an output cap must be >= 0 but was [" + cap + "]");
        }
        this.cap = cap;
        this.head = new ByteArrayOutputStream(Math.min(cap, 8192));
    }

    @Override
    public synchronized void write(int b) {
        if (head.size() < cap) {
            head.write(b);
        }
        total++;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.min(length, cap - head.size());
        if (room > 0) {
            head.write(bytes, offset, room);
        }
        total += length;
    }

    /** Return what was kept so far and how much was written. */
    public synchronized CappedOutput snapshot() {
        return new CappedOutput(head.toByteArray(), total);
    }
}
