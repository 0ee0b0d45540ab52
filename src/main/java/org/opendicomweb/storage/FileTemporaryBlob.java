package org.opendicomweb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A temporary blob as a file in a process's staging folder ({@link StagingArea}), so that a crash leaves nothing that
 * the next start does not remove; deleted on close. Every store keeps its temporaries so, the remote ones too: they are
 * read back within the request, where a local file is the cheapest place.
 */
final class FileTemporaryBlob implements TemporaryBlob {
    private static final Logger LOG = Logger.getLogger(FileTemporaryBlob.class);

    private final Path file;
    private final FileChannel channel;
    private final OutputStream output;
    private boolean closed;

    /** A new, empty file in {@code folder}. */
    static FileTemporaryBlob create(Path folder) throws IOException {
        Path file = folder.resolve(UUID.randomUUID() + ".tmp");
        return new FileTemporaryBlob(
                file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    private FileTemporaryBlob(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.output = Channels.newOutputStream(channel);
    }

    @Override
    public OutputStream outputStream() {
        return output;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public InputStream inputStream() throws IOException {
        return Files.newInputStream(file, StandardOpenOption.READ);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debugf("Closing temporary file %s: %s", file, e.getMessage());
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete temporary file %s: %s (removed at the next start)", file, e.getMessage());
        }
    }
}
