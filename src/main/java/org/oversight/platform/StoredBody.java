package org.oversight.platform;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.AbstractResource;

/**
 * Bytes kept in the database (a published paper, an agenda pack) sent as they are read, a piece
 * at a time: the bytes as stored, never decoded into text and encoded again, and never more than
 * a piece of a large document held per reader.
 * Its length is known before the first byte, so the response carries Content-Length.
 */
public final class StoredBody extends AbstractResource {

    /** Reads up to {@code length} bytes from {@code offset} (from 0) of the stored value. */
    @FunctionalInterface
    public interface Pieces {
        byte[] read(long offset, int length);
    }

    /** Most papers fit one piece, read with the length in one statement; a pack of megabytes takes a few. */
    public static final int PIECE = 256 * 1024;

    private final String description;
    private final long length;
    private final byte[] first;
    private final Pieces pieces;

    /** {@code first}: the value's first piece, read with its length; {@code pieces}: the rest, when asked for. */
    public StoredBody(String description, long length, byte[] first, Pieces pieces) {
        this.description = description;
        this.length = length;
        this.first = first;
        this.pieces = pieces;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public InputStream getInputStream() {
        return new InputStream() {
            private byte[] piece = first;
            private int at;
            private long sent = first.length;

            private boolean more() {
                if (at < piece.length) {
                    return true;
                }
                if (sent >= length) {
                    return false;
                }
                piece = pieces.read(sent, (int) Math.min(PIECE, length - sent));
                at = 0;
                if (piece.length == 0) {
                    throw new IllegalStateException(description + " ended at byte " + sent + " of " + length);
                }
                sent += piece.length;
                return true;
            }

            @Override
            public int read() {
                return more() ? piece[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!more()) {
                    return -1;
                }
                int n = Math.min(len, piece.length - at);
                System.arraycopy(piece, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // A range request skips whole pieces without reading them.
                long skipped = Math.min(n, piece.length - at);
                at += (int) skipped;
                long rest = Math.max(0, Math.min(n - skipped, length - sent));
                sent += rest;
                return skipped + rest;
            }
        };
    }
}
