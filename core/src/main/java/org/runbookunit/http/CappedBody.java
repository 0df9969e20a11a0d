package org.runbookunit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpEntity;

/**
 * Read a response body up to a cap, as it streams in: a bigger (or endless) body stops the read, drops the connection
 * and throws, so memory stays bounded by the cap.
 */
final class CappedBody {

    private static final int CHUNK = 16 * 1024;

    private CappedBody() {
    }

    /** Return the whole body, or throw {@link TooLarge} after {@code maxBytes} bytes, keeping what was read. */
    static byte[] read(HttpEntity entity, long maxBytes, Connection connection, BodyProgress progress) throws IOException {
        long declared = entity.getContentLength();
        if (declared > maxBytes) {
            connection.drop();
            throw new TooLarge(new byte[0], declared, true);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : CHUNK, maxBytes));
        InputStream in = entity.getContent();
        byte[] chunk = new byte[CHUNK];
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            if (body.size() + (long) read > maxBytes) {
                body.write(chunk, 0, (int) (maxBytes - body.size()));
                connection.drop(); // before anything closes the stream: closing drains it, and an endless one never ends
                throw new TooLarge(body.toByteArray(), maxBytes + 1, false);
            }
            body.write(chunk, 0, read);
            progress.read(body.size());
        }
        in.close(); // at the end of the body already: nothing left to drain
        return body.toByteArray();
    }

    /** Drop the connection a body arrives on, without reading the rest. */
    @FunctionalInterface
    interface Connection {
        void drop() throws IOException;
    }

    /** Follow how much of the body has arrived. */
    @FunctionalInterface
    interface BodyProgress {
        void read(long bytesSoFar);
    }

    /** The body was larger than the cap. */
    static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient byte[] start;
        private final long atLeast;
        private final boolean declared;

        TooLarge(byte[] start, long atLeast, boolean declared) {
            super("response body over the cap");
            this.start = start;
            this.atLeast = atLeast;
            this.declared = declared;
        }

        /** Return the first bytes, up to the cap. */
        byte[] start() {
            return start;
        }

        /** Return the body's size when the server declared it, else the cap plus one. */
        long atLeast() {
            return atLeast;
        }

        /** Tell whether the server declared the size in {@code Content-Length} (nothing was read then). */
        boolean declared() {
            return declared;
        }
    }
}
