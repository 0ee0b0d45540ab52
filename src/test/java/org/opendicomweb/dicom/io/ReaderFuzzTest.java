package org.opendicomweb.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendicomweb.dicom.DicomParseException;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.testing.DicomFiles;

/**
 * Bounded fuzzing of the reader: 3000 mutations (fixed seed) of small valid files, made by our builder in every
 * syntax and taken from pydicom's corpus where installed: flipped bytes, corrupted length fields, truncation,
 * inserted and deleted bytes. Each read must either succeed or throw {@link DicomParseException}: never another
 * exception, never more than a second, and never allocate much more than the input could justify. What is read
 * must also write again.
 */
class ReaderFuzzTest {

    private static final long SEED = 20261123L;
    private static final int MUTATIONS = 3000;
    private static final long MAX_NANOS_PER_READ = 1_000_000_000L;
    /** Allowed allocation per read: a fixed amount for buffers and the dataset, plus some per input byte. */
    private static final long ALLOCATION_BASE = 8L << 20;

    private static final long ALLOCATION_PER_INPUT_BYTE = 64;
    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final int MAX_SEED_SIZE = 40_000;
    private static final int[] INTERESTING_LENGTHS = {
        0, 1, 2, 3, 0xFF, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFF0, 0xFFFFFFFE, 0xFFFFFFFF
    };

    private record Seed(String name, byte[] bytes) {}

    private record Failure(String what, Throwable error) {}

    @Test
    void mutatedFilesAreReadOrRefusedCleanly(@TempDir Path dir) throws IOException {
        List<Seed> seeds = seeds();
        SplittableRandom random = new SplittableRandom(SEED);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Failure> failures = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        long slowest = 0;
        String slowestCase = "";
        Path scratch = dir.resolve("mutant.dcm");
        long started = System.nanoTime();
        for (int i = 0; i < MUTATIONS; i++) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            StringBuilder what = new StringBuilder("#" + i + " " + seed.name());
            byte[] mutant = mutate(seed.bytes(), random, what);
            boolean fromFile = i % 4 == 0;
            if (fromFile) {
                Files.write(scratch, mutant);
                what.append(" (from a file)");
            }
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            try (InputStream raw = fromFile ? new FileInputStream(scratch.toFile()) : new ByteArrayInputStream(mutant);
                    DicomInputStream in = new DicomInputStream(raw)) {
                in.readFileMetaInformation();
                org.opendicomweb.dicom.Attributes ds = in.readDataset();
                accepted++;
                // What we accept we must be able to write again, here in explicit VR little endian.
                if (!in.transferSyntax().encapsulated()) {
                    DicomOutputStream out = new DicomOutputStream(OutputStream.nullOutputStream());
                    out.setBulkDataSource(bd -> new ByteArrayInputStream(mutant, (int) bd.offset(), (int) bd.length()));
                    out.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                }
            } catch (DicomParseException e) {
                refused++;
            } catch (Throwable t) {
                failures.add(new Failure(what.toString(), t));
            }
            long nanos = System.nanoTime() - t0;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            if (nanos > slowest) {
                slowest = nanos;
                slowestCase = what.toString();
            }
            if (nanos > MAX_NANOS_PER_READ) {
                failures.add(new Failure(what + " took " + nanos / 1_000_000 + " ms", null));
            }
            long allowed = ALLOCATION_BASE + ALLOCATION_PER_INPUT_BYTE * mutant.length;
            if (allocated > allowed) {
                failures.add(new Failure(what + " allocated " + allocated + " bytes for " + mutant.length, null));
            }
        }
        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "fuzz: %d seeds, %d mutations, %d read, %d refused, %d wrong; slowest %.1f ms (%s); %d ms in all%n",
                seeds.size(), MUTATIONS, accepted, refused, failures.size(), slowest / 1e6, slowestCase, totalMillis);
        StringBuilder report = new StringBuilder();
        for (Failure f : failures.subList(0, Math.min(20, failures.size()))) {
            report.append('\n').append(f.what());
            if (f.error() != null) {
                report.append(": ").append(f.error());
                StackTraceElement[] st = f.error().getStackTrace();
                for (int k = 0; k < Math.min(4, st.length); k++) {
                    report.append("\n    at ").append(st[k]);
                }
            }
        }
        assertEquals(0, failures.size(), "reads that failed otherwise than with DicomParseException:" + report);
        assertTrue(accepted > 0 && refused > 0, "the mutations should give both outcomes");
    }

    private static List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        seeds.add(new Seed(
                "built explicit LE",
                DicomFiles.ctImage()
                        .size(8, 8)
                        .sopInstanceUid("1.2.3.1")
                        .studyUid("1.2.3")
                        .seriesUid("1.2.3.4")
                        .toBytes()));
        seeds.add(new Seed(
                "built implicit LE",
                DicomFiles.ctImage()
                        .size(8, 8)
                        .implicitLittleEndian()
                        .sopInstanceUid("1.2.3.2")
                        .studyUid("1.2.3")
                        .seriesUid("1.2.3.4")
                        .withSequence(
                                org.opendicomweb.dicom.Tag.ReferencedImageSequence,
                                item -> item.setString(
                                        org.opendicomweb.dicom.Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.9"))
                        .toBytes()));
        seeds.add(new Seed(
                "built big endian",
                DicomFiles.ctImage()
                        .size(8, 8)
                        .explicitBigEndian()
                        .sopInstanceUid("1.2.3.3")
                        .studyUid("1.2.3")
                        .seriesUid("1.2.3.4")
                        .toBytes()));
        seeds.add(new Seed(
                "built deflated",
                DicomFiles.ctImage()
                        .size(8, 8)
                        .deflated()
                        .sopInstanceUid("1.2.3.4")
                        .studyUid("1.2.3")
                        .seriesUid("1.2.3.4")
                        .toBytes()));
        seeds.add(new Seed(
                "built encapsulated",
                DicomFiles.multiFrame(3)
                        .size(4, 4)
                        .encapsulatedUncompressed()
                        .sopInstanceUid("1.2.3.5")
                        .studyUid("1.2.3")
                        .seriesUid("1.2.3.4")
                        .toBytes()));
        if (Files.isDirectory(CORPUS)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(CORPUS)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                if (Files.size(f) > MAX_SEED_SIZE || !readable(f)) {
                    continue;
                }
                seeds.add(new Seed(CORPUS.relativize(f).toString(), Files.readAllBytes(f)));
            }
        }
        return seeds;
    }

    private static boolean readable(Path f) {
        try (DicomInputStream in = new DicomInputStream(new FileInputStream(f.toFile()))) {
            in.readDataset();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] mutate(byte[] b, SplittableRandom r, StringBuilder what) {
        int kind = r.nextInt(6);
        switch (kind) {
            case 0 -> {
                byte[] c = b.clone();
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
                }
                what.append(" flip ").append(n).append(" bits");
                return c;
            }
            case 1, 2 -> {
                byte[] c = b.clone();
                int at = lengthFieldNear(c, r.nextInt(c.length));
                int value =
                        r.nextInt(3) == 0 ? r.nextInt() : INTERESTING_LENGTHS[r.nextInt(INTERESTING_LENGTHS.length)];
                boolean wide = at + 4 <= c.length && r.nextBoolean();
                c[at] = (byte) value;
                if (at + 1 < c.length) {
                    c[at + 1] = (byte) (value >>> 8);
                }
                if (wide) {
                    c[at + 2] = (byte) (value >>> 16);
                    c[at + 3] = (byte) (value >>> 24);
                }
                what.append(String.format(" length at %d := 0x%08X", at, value));
                return c;
            }
            case 3 -> {
                int len = r.nextInt(b.length);
                what.append(" truncated to ").append(len);
                return java.util.Arrays.copyOf(b, len);
            }
            case 4 -> {
                int at = r.nextInt(b.length + 1);
                byte[] ins = new byte[1 + r.nextInt(16)];
                for (int k = 0; k < ins.length; k++) {
                    ins[k] = (byte) r.nextInt(256);
                }
                byte[] c = new byte[b.length + ins.length];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(ins, 0, c, at, ins.length);
                System.arraycopy(b, at, c, at + ins.length, b.length - at);
                what.append(" inserted ").append(ins.length).append(" at ").append(at);
                return c;
            }
            default -> {
                int at = r.nextInt(b.length);
                int len = Math.min(1 + r.nextInt(16), b.length - at);
                byte[] c = new byte[b.length - len];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + len, c, at, b.length - at - len);
                what.append(" deleted ").append(len).append(" at ").append(at);
                return c;
            }
        }
    }

    /**
     * The length field of the explicit VR header found at or after {@code from} (two letters naming a VR, after a
     * 4-byte tag), or {@code from} itself when none is found: a length field is where corruption hurts most.
     */
    private static int lengthFieldNear(byte[] c, int from) {
        for (int p = Math.max(from, 4); p + 2 < c.length; p++) {
            VR vr = VR.ofCode((c[p] & 0xFF) << 8 | (c[p + 1] & 0xFF));
            if (vr != null && Character.isUpperCase(c[p]) && Character.isUpperCase(c[p + 1])) {
                int at = vr.longHeader() ? p + 4 : p + 2;
                return at < c.length ? at : from;
            }
        }
        return from;
    }
}
