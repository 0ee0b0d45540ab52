package org.opendicomweb.stow;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bytes handed from one writing thread to one reading thread through a fixed ring buffer, so that a file being
 * assembled can be read by the same code that reads a request part, without holding the file in memory or
 * writing it twice. Unlike {@link java.io.PipedInputStream} it never polls, and a failure of the writer reaches
 * the reader as an exception rather than as a short file.
 */
final class Pipe {
    private static final int SIZE = 256 * 1024;

    private final byte[] ring = new byte[SIZE];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private int readPos;
    private int count;
    private boolean writerDone;
    private boolean readerClosed;
    private Throwable writerFailure;

    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            put(b, off, len);
        }

        @Override
        public void close() {
            finishWriting(null);
        }
    };

    private final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return take(b, off, len);
        }

        @Override
        public void close() {
            closeReading();
        }
    };

    OutputStream output() {
        return output;
    }

    InputStream input() {
        return input;
    }

    /** Ends the stream for the reader: at the end of the bytes, or, with a cause, with an exception. */
    void finishWriting(Throwable failure) {
        lock.lock();
        try {
            if (!writerDone) {
                writerDone = true;
                writerFailure = failure;
                notEmpty.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeReading() {
        lock.lock();
        try {
            readerClosed = true;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void put(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            while (len > 0) {
                while (count == SIZE && !readerClosed) {
                    await(notFull);
                }
                if (readerClosed) {
                    throw new IOException("the reader stopped reading");
                }
                if (writerDone) {
                    throw new IOException("write after close");
                }
                int writePos = (readPos + count) % SIZE;
                int n = Math.min(len, Math.min(SIZE - count, SIZE - writePos));
                System.arraycopy(b, off, ring, writePos, n);
                count += n;
                off += n;
                len -= n;
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (count == 0 && !writerDone) {
                await(notEmpty);
            }
            if (count == 0) {
                if (writerFailure != null) {
                    throw new IOException("the writer failed: " + writerFailure.getMessage(), writerFailure);
                }
                return -1;
            }
            int n = Math.min(len, Math.min(count, SIZE - readPos));
            System.arraycopy(ring, readPos, b, off, n);
            readPos = (readPos + n) % SIZE;
            count -= n;
            notFull.signal();
            return n;
        } finally {
            lock.unlock();
        }
    }

    private static void await(Condition condition) throws InterruptedIOException {
        try {
            condition.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while passing bytes between threads");
        }
    }
}
