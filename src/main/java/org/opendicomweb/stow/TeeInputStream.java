package org.opendicomweb.stow;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies every byte read to a sink: the parser reads the header while the whole part flows into staging. A
 * failure to write the copy is a {@link SinkException}, so that callers can tell a storage fault from a
 * request body that could not be read.
 */
final class TeeInputStream extends FilterInputStream {
    /** Writing the copy failed; the cause is the sink's exception. */
    static final class SinkException extends IOException {
        SinkException(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private final OutputStream sink;
    private long count;

    TeeInputStream(InputStream in, OutputStream sink) {
        super(in);
        this.sink = sink;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            copy(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            copy(b, off, n);
        }
        return n;
    }

    private void copy(byte[] b, int off, int len) throws SinkException {
        try {
            sink.write(b, off, len);
        } catch (IOException e) {
            throw new SinkException(e);
        }
        count += len;
    }

    /** Skipping would lose bytes from the copy, so skip reads. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 64 * 1024)];
        long done = 0;
        while (done < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** Reads (and so copies) whatever the parser left unread. */
    void drain() throws IOException {
        byte[] scratch = new byte[64 * 1024];
        while (read(scratch, 0, scratch.length) >= 0) {
            // copy only
        }
    }

    long count() {
        return count;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
