package org.opendicomweb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem blob store on its own; no Quarkus needed. */
class FileSystemBlobStoreTest {

    private static final byte[] BYTES = "0123456789abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    @Test
    void stagedBlobKnowsTheCrc32cOfWhatWasWrittenThroughStreamAndChannelAndReadsItBack() throws IOException {
        FileSystemBlobStore store = open(root);
        try (StagedBlob staged = store.stage()) {
            staged.outputStream().write(BYTES, 0, 7);
            staged.channel().write(java.nio.ByteBuffer.wrap(BYTES, 7, BYTES.length - 7));
            java.util.zip.CRC32C expected = new java.util.zip.CRC32C();
            expected.update(BYTES);
            assertEquals(expected.getValue(), staged.crc32c());
            try (InputStream in = staged.inputStream()) {
                assertArrayEquals(BYTES, in.readAllBytes());
            }
        }
    }

    @Test
    void committedBlobCanBeReadWholeAndByRange() throws IOException {
        FileSystemBlobStore store = open(root);
        commit(store, "1.2.3.4", BYTES);

        try (ReadableBlob blob = store.open("1.2.3.4")) {
            assertEquals(BYTES.length, blob.size());
            assertArrayEquals(BYTES, blob.inputStream().readAllBytes());
            try (InputStream range = blob.inputStream(5, 4)) {
                assertArrayEquals("5678".getBytes(), range.readAllBytes());
            }
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            blob.transferTo(10, 10, Channels.newChannel(sink));
            assertArrayEquals("abcdefghij".getBytes(), sink.toByteArray());
            assertThrows(IllegalArgumentException.class, () -> blob.inputStream(15, 6));
            assertTrue(blob.fileChannel().isPresent());
        }
    }

    @Test
    void temporaryBlobReadsBackWhatWasWrittenAndIsGoneWhenClosed() throws IOException {
        FileSystemBlobStore store = open(root);
        TemporaryBlob temporary = store.temporary();
        temporary.outputStream().write(BYTES);
        assertEquals(BYTES.length, temporary.size());
        try (InputStream first = temporary.inputStream();
                InputStream second = temporary.inputStream()) {
            assertArrayEquals(BYTES, first.readAllBytes());
            assertArrayEquals(BYTES, second.readAllBytes());
        }
        assertEquals(1, stagingFiles());
        temporary.close();
        temporary.close();
        assertEquals(0, stagingFiles());
    }

    @Test
    void temporaryLeftoversAreSweptAtStart() throws IOException {
        open(root).temporary().outputStream().write(BYTES); // never closed: a crash
        assertEquals(1, stagingFiles());
        open(root); // a new store of this process: the old one's folder belongs to a writer that is gone
        assertEquals(0, stagingFiles());
    }

    @Test
    void stagedBlobIsInvisibleUntilCommitted() throws IOException {
        FileSystemBlobStore store = open(root);
        try (StagedBlob staged = store.stage()) {
            staged.outputStream().write(BYTES);
            assertEquals(BYTES.length, staged.size());
            assertFalse(store.exists("k1"));
            store.commit(staged, "k1");
        }
        assertTrue(store.exists("k1"));
        assertEquals(0, stagingFiles());
    }

    @Test
    void closingWithoutCommitDiscards() throws IOException {
        FileSystemBlobStore store = open(root);
        try (StagedBlob staged = store.stage()) {
            staged.outputStream().write(BYTES);
        }
        assertEquals(0, stagingFiles());
        assertFalse(store.exists("k1"));
    }

    @Test
    void commitReplacesAnExistingKeyAtomically() throws IOException {
        FileSystemBlobStore store = open(root);
        commit(store, "k1", BYTES);
        commit(store, "k1", "new".getBytes());
        try (ReadableBlob blob = store.open("k1")) {
            assertArrayEquals("new".getBytes(), blob.inputStream().readAllBytes());
        }
    }

    @Test
    void deleteRemovesTheBlob() throws IOException {
        FileSystemBlobStore store = open(root);
        commit(store, "k1", BYTES);
        assertTrue(store.delete("k1"));
        assertFalse(store.exists("k1"));
        assertFalse(store.delete("k1"));
        assertThrows(NoSuchFileException.class, () -> store.open("k1"));
    }

    @Test
    void keySegmentsBecomeFolders() throws IOException {
        FileSystemBlobStore store = open(root);
        commit(store, "1.2.3/4.5/6.7", BYTES);
        Path file = store.pathOf("1.2.3/4.5/6.7");
        assertTrue(Files.isRegularFile(file));
        assertEquals(root.toAbsolutePath().normalize().resolve("1.2.3").resolve("4.5"), file.getParent());
    }

    @Test
    void unsafeKeysAreRefused() {
        FileSystemBlobStore store = open(root);
        for (String key : new String[] {
            "", "../escape", ".staging", "a/../b", "a//b", "/a", "a/", "a b", "a/b/c/d/e", "x".repeat(256)
        }) {
            assertThrows(IllegalArgumentException.class, () -> store.exists(key), key);
        }
    }

    @Test
    void startupSweepsWhatDeadProcessesOfThisHostStaged() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead =
                Files.createDirectories(stagingRoot().resolve(StagingArea.hostName() + "_" + gone.pid() + "_0badc0de"));
        Files.write(dead.resolve("crashed-1.part"), BYTES);
        Files.write(dead.resolve("crashed-2.part"), BYTES);

        FileSystemBlobStore store = open(root);

        assertEquals(0, stagingFiles());
        assertFalse(Files.exists(dead));
        store.checkWritable();
    }

    @Test
    void anotherNodesStagedFilesStayUntilUntouchedForTheGracePeriod() throws IOException {
        Path otherNode = Files.createDirectories(stagingRoot().resolve("node-b_1_0123abcd"));
        Path uploading = Files.write(otherNode.resolve("uploading.part"), BYTES);
        Path abandoned = Files.write(otherNode.resolve("abandoned.part"), BYTES);
        Path oldLayout = Files.write(stagingRoot().resolve("old-layout.part"), BYTES);
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(abandoned, twoHoursAgo);
        Files.setLastModifiedTime(oldLayout, twoHoursAgo);

        open(root);

        assertTrue(Files.exists(uploading));
        assertFalse(Files.exists(abandoned));
        assertFalse(Files.exists(oldLayout));
    }

    @Test
    void unusableRootIsReportedNotThrownAtStartup() throws IOException {
        Path notAFolder = Files.write(root.resolve("file"), BYTES);
        FileSystemBlobStore store = open(notAFolder);

        assertThrows(StorageUnavailableException.class, store::checkWritable);
        assertThrows(StorageUnavailableException.class, store::stage);
    }

    @Test
    void storeRecoversOnceTheFolderBecomesUsable() throws IOException {
        Path later = root.resolve("mounted-later");
        Files.write(later, BYTES);
        FileSystemBlobStore store = open(later);
        assertThrows(StorageUnavailableException.class, store::checkWritable);

        Files.delete(later);
        store.checkWritable();
        commit(store, "k1", BYTES);
        assertTrue(store.exists("k1"));
    }

    private static void commit(BlobStore store, String key, byte[] bytes) throws IOException {
        try (StagedBlob staged = store.stage()) {
            staged.outputStream().write(bytes);
            store.commit(staged, key);
        }
    }

    private static FileSystemBlobStore open(Path root) {
        return new FileSystemBlobStore(root, Duration.ofHours(1));
    }

    private Path stagingRoot() throws IOException {
        return Files.createDirectories(root.resolve(FileSystemBlobStore.STAGING));
    }

    /** Staged files of every process, this one's included. */
    private long stagingFiles() throws IOException {
        try (Stream<Path> files = Files.walk(stagingRoot())) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
