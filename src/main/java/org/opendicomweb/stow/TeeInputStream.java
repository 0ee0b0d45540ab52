package org.opendicomweb.stow;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.opendicomweb.dicom.io.ExactSkipInput;
import org.opendicomweb.web.multipart.MultipartReader;

/**
 * Copies every byte read to a sink: the parser reads the header while the whole part flows into staging. A
 * failure to write the copy is a {@link SinkException}, so that callers can tell a storage fault from a
 * request body that could not be read.
 *
 * <p>What the parser skips (pixel data) and what it leaves unread goes from a multipart reader's buffer straight
 * to the sink ({@link MultipartReader.PartStream#transferTo(OutputStream, long)}), not through a buffer of ours:
 * most of a part's bytes are copied once less.
 */
final class TeeInputStream extends FilterInputStream implements ExactSkipInput {
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

    /** The sink as a stream for {@link MultipartReader.PartStream#transferTo}: counted, its faults told apart. */
    private final OutputStream copying = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            copy(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            copy(b, off, len);
        }
    };

    /** Skipped bytes are copied like read ones. */
    @Override
    public long skip(long n) throws IOException {
        return n <= 0 ? 0 : skipExactly(n);
    }

    @Override
    public long skipExactly(long n) throws IOException {
        if (in instanceof MultipartReader.PartStream part) {
            return part.transferTo(copying, n);
        }
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
        if (in instanceof MultipartReader.PartStream part) {
            part.transferTo(copying);
            return;
        }
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
