package org.opendicomweb.storage;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A {@link BlobStore} over a local (or mounted) folder.
 *
 * <p>Layout: a committed blob with key {@code a/b/c} is the file {@code <root>/a/b/c}; callers choose keys
 * that group what is read together (STOW: study/series/instance). Staged bytes live in a folder of this
 * process below {@code <root>/.staging} (see {@link StagingArea}), on the same file system, so commit is a rename.
 *
 * <p>Commit order: fdatasync the file, rename it into place atomically, fsync the folder, so that after a crash
 * a key either names the complete bytes or nothing. Staged files left by processes that are gone belong to
 * writes that never committed and are deleted at start-up.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(FileSystemBlobStore.class);
    static final String STAGING = StagingArea.FOLDER;

    private final Path root;
    private final StagingArea stagingArea;
    private final Path staging;
    private volatile boolean ready;

    /**
     * Opens the store, creating its folders if needed and sweeping staged leftovers. Never throws for an
     * unusable folder: it logs one ERROR line naming the path and reports itself unavailable (and tries
     * again on later calls, so fixing a mount is enough).
     */
    public FileSystemBlobStore(Path root, Duration stagingGrace) {
        this.root = root.toAbsolutePath().normalize();
        this.stagingArea = new StagingArea(this.root, stagingGrace);
        this.staging = stagingArea.folder();
        try {
            prepare();
            int swept = stagingArea.sweep();
            LOG.infof("Blob storage ready at %s (%d leftover staged file(s) removed)", this.root, swept);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(
                    "Blob storage at %s is not usable (%s); readiness is DOWN and storing/retrieving gets 503",
                    this.root, describe(e));
        }
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public StagedBlob stage() throws IOException {
        requireReady();
        Path file = staging.resolve(UUID.randomUUID() + ".part");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FileStagedBlob(file, channel);
    }

    @Override
    public TemporaryBlob temporary() throws IOException {
        requireReady();
        return FileTemporaryBlob.create(staging);
    }

    @Override
    public void commit(StagedBlob blob, String key) throws IOException {
        commitAll(List.of(Map.entry(blob, key)));
    }

    /**
     * Each file is synced and renamed; each folder that received files or new folders is synced once for all
     * of them, after the renames (a rename or a new folder is durable once its parent folder is synced).
     */
    @Override
    public void commitAll(List<Map.Entry<StagedBlob, String>> blobs) throws IOException {
        List<Path> committed = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        try {
            for (Map.Entry<StagedBlob, String> blob : blobs) {
                FileStagedBlob staged = own(blob.getKey());
                Path target = moveIntoPlace(staged, pathOf(blob.getValue()), folders);
                committed.add(target);
                folders.add(target.getParent());
            }
            for (Path folder : folders) {
                fsyncFolder(folder);
            }
        } catch (IOException | RuntimeException e) {
            for (Path target : committed) {
                Files.deleteIfExists(target);
            }
            blobs.forEach(blob -> discard(blob.getKey()));
            throw e;
        }
    }

    private Path moveIntoPlace(FileStagedBlob staged, Path target, Set<Path> foldersToSync) throws IOException {
        if (staged.state != FileStagedBlob.State.OPEN) {
            throw new IllegalStateException(
                    "Staged blob was already " + staged.state.name().toLowerCase());
        }
        try {
            // fdatasync: the data and the size of a new file, which is all a reader needs.
            staged.channel.force(false);
            staged.channel.close();
            // The commit time, not the time staging began: the orphan sweep judges age by it.
            Files.setLastModifiedTime(staged.file, FileTime.from(Instant.now()));
            Path folder = target.getParent();
            if (!Files.isDirectory(folder)) {
                createFolders(folder, foldersToSync);
            }
            Files.move(staged.file, target, StandardCopyOption.ATOMIC_MOVE);
            staged.state = FileStagedBlob.State.COMMITTED;
            return target;
        } catch (IOException | RuntimeException e) {
            discard(staged);
            throw e;
        }
    }

    @Override
    public Stream<String> keysWrittenBefore(Instant cutoff) throws IOException {
        requireReady();
        Path base = root.toAbsolutePath().normalize();
        return Files.walk(base)
                .filter(p -> !p.startsWith(base.resolve(STAGING)))
                .filter(p -> {
                    try {
                        return Files.isRegularFile(p)
                                && Files.getLastModifiedTime(p).toInstant().isBefore(cutoff);
                    } catch (IOException e) {
                        return false; // gone meanwhile
                    }
                })
                .map(p -> base.relativize(p).toString().replace(File.separatorChar, '/'))
                .filter(BlobStore::isValidKey);
    }

    @Override
    public void discard(StagedBlob blob) {
        FileStagedBlob staged = own(blob);
        if (staged.state != FileStagedBlob.State.OPEN) {
            return;
        }
        staged.state = FileStagedBlob.State.DISCARDED;
        try {
            staged.channel.close();
        } catch (IOException e) {
            LOG.debugf("Closing staged file %s: %s", staged.file, e.getMessage());
        }
        try {
            Files.deleteIfExists(staged.file);
        } catch (IOException e) {
            // Left for the start-up sweep.
            LOG.warnf("Could not delete staged file %s: %s", staged.file, e.getMessage());
        }
    }

    @Override
    public ReadableBlob open(String key) throws IOException {
        requireReady();
        Path file = pathOf(key);
        try {
            return new FileReadableBlob(FileChannel.open(file, StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(key, null, "no blob with this key");
        }
    }

    /** While not ready, opening first probes the storage with a write: not for an event loop. */
    @Override
    public boolean opensLocally() {
        return ready;
    }

    @Override
    public boolean delete(String key) throws IOException {
        requireReady();
        return Files.deleteIfExists(pathOf(key));
    }

    @Override
    public boolean exists(String key) {
        requireReady();
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public void checkWritable() {
        try {
            if (!ready) {
                prepare();
            }
            Path probe = staging.resolve(".probe-" + UUID.randomUUID());
            Files.write(probe, new byte[] {1}, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            if (ready) {
                LOG.errorf("Blob storage at %s stopped being writable: %s", root, describe(e));
            }
            ready = false;
            throw new StorageUnavailableException("Blob storage at " + root + " is not writable: " + describe(e), e);
        }
        if (!ready) {
            ready = true;
            LOG.infof("Blob storage at %s is usable again", root);
        }
    }

    /** The file a key is stored in: its segments are folders below the root; visible for tests and tools. */
    Path pathOf(String key) {
        if (!BlobStore.isValidKey(key)) {
            throw new IllegalArgumentException("Invalid blob key: " + key);
        }
        return root.resolve(key);
    }

    /** Creates the missing folders down to {@code folder}; their parents are to be synced to make them durable. */
    private static void createFolders(Path folder, Set<Path> foldersToSync) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(folder);
        for (Path created = folder; created != null && !created.equals(existing); created = created.getParent()) {
            foldersToSync.add(created.getParent());
        }
    }

    private void prepare() throws IOException {
        stagingArea.create();
        if (!Files.isWritable(staging)) {
            throw new IOException("folder is not writable");
        }
        ready = true;
    }

    private void requireReady() {
        if (!ready) {
            checkWritable();
        }
    }

    private static FileStagedBlob own(StagedBlob blob) {
        if (blob instanceof FileStagedBlob staged) {
            return staged;
        }
        throw new IllegalArgumentException("Not a blob staged by a FileSystemBlobStore");
    }

    private static void fsyncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open folders as channels; there the rename is as durable as it gets.
            if (System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
                return;
            }
            throw e;
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private final class FileStagedBlob implements StagedBlob {
        enum State {
            OPEN,
            COMMITTED,
            DISCARDED
        }

        final Path file;
        final FileChannel channel;
        final ChecksummingChannel checksummed;
        final OutputStream output;
        volatile State state = State.OPEN;

        FileStagedBlob(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
            this.checksummed = new ChecksummingChannel(channel);
            this.output = Channels.newOutputStream(checksummed);
        }

        @Override
        public OutputStream outputStream() {
            return output;
        }

        @Override
        public WritableByteChannel channel() {
            return checksummed;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public long crc32c() {
            return checksummed.crc32c();
        }

        @Override
        public InputStream inputStream() throws IOException {
            if (state != State.OPEN) {
                throw new IllegalStateException(
                        "Staged blob was already " + state.name().toLowerCase());
            }
            return Files.newInputStream(file, StandardOpenOption.READ);
        }

        @Override
        public void close() {
            discard(this);
        }
    }

    private static final class FileReadableBlob implements ReadableBlob {
        private final FileChannel channel;
        private final long size;

        FileReadableBlob(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void transferTo(long offset, long length, WritableByteChannel target) throws IOException {
            checkRange(offset, length);
            long position = offset;
            long end = offset + length;
            while (position < end) {
                long sent = channel.transferTo(position, end - position, target);
                if (sent <= 0 && channel.size() < end) {
                    throw new IOException("Blob shrank while being read");
                }
                position += sent;
            }
        }

        @Override
        public InputStream inputStream(long offset, long length) {
            checkRange(offset, length);
            return new RangeInputStream(channel, offset, offset + length);
        }

        @Override
        public Optional<FileChannel> fileChannel() {
            return Optional.of(channel);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }

        private void checkRange(long offset, long length) {
            if (offset < 0 || length < 0 || offset > size || length > size - offset) {
                throw new IllegalArgumentException(
                        "Range " + offset + "+" + length + " is outside a blob of " + size + " bytes");
            }
        }
    }

    /** Positional reads only, so that several streams over one channel do not disturb each other. */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;

        RangeInputStream(FileChannel channel, long start, long end) {
            this.channel = channel;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int wanted = (int) Math.min(len, end - position);
            int read = channel.read(ByteBuffer.wrap(buffer, off, wanted), position);
            if (read < 0) {
                throw new IOException("Blob ended before the requested range");
            }
            position += read;
            return read;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, end - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }
    }
}
