package org.opendicomweb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.imaging.PixelDescription;

/**
 * Independent decoders as oracles for pixel tests: dcmtk's {@code dcmdrle}, {@code dcmdjpeg} and {@code dcmdjpls}
 * decompress whole files; OpenJPEG's {@code opj_decompress} decodes JPEG 2000 codestreams (dcmtk has no JPEG 2000
 * codec); {@code dcmcrle}, {@code dcmcjpeg}, {@code dcmcjpls} and {@code opj_compress} make compressed inputs.
 */
public final class PixelReference {
    private PixelReference() {}

    /** Native pixels: one frame after another, colour-by-pixel, little endian. */
    public record Pixels(PixelDescription description, byte[] bytes) {
        public byte[] frame(int k) {
            int n = (int) description.frameLength();
            byte[] f = new byte[n];
            System.arraycopy(bytes, k * n, f, 0, n);
            return f;
        }
    }

    /** A compressed file: its pixel description, transfer syntax and the codestream of each frame. */
    public record Compressed(PixelDescription description, String transferSyntax, List<byte[]> frames) {}

    /** The file decompressed by the dcmtk tool for its transfer syntax. */
    public static Pixels dcmtkDecompress(Path compressed) throws IOException {
        String ts = read(compressed).transferSyntax();
        String tool = ts.equals("1.2.840.10008.1.2.5")
                ? "dcmdrle"
                : ts.startsWith("1.2.840.10008.1.2.4.8") ? "dcmdjpls" : "dcmdjpeg";
        Path out = Files.createTempFile("dcmtk-decompressed", ".dcm");
        try {
            run(List.of(tool, compressed.toString(), out.toString()));
            return nativePixels(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Compresses a native file with a dcmtk tool and its options ({@code dcmcjpeg +e1}, {@code dcmcrle}, ...). */
    public static Path dcmtkCompress(Path nativeFile, Path out, String tool, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(options));
        command.add(nativeFile.toString());
        command.add(out.toString());
        run(command);
        return out;
    }

    /** The pixels of a native file, made colour-by-pixel when it is colour-by-plane. */
    public static Pixels nativePixels(Path file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            in.setBulkDataThreshold(Integer.MAX_VALUE);
            in.setMaxValueLength(Integer.MAX_VALUE - 16);
            in.readFileMetaInformation();
            Attributes ds = in.readDataset();
            PixelDescription d = PixelDescription.of(ds);
            byte[] pixels = bytes(file, ds.getValue(Tag.PixelData));
            pixels = Arrays.copyOf(pixels, (int) (d.frameLength() * d.numberOfFrames())); // without the padding byte
            if (d.samplesPerPixel() > 1 && d.planarConfiguration() == 1) {
                pixels = interleave(pixels, d.frameLength(), d.samplesPerPixel(), d.bitsAllocated() / 8);
            }
            return new Pixels(d.withColour(d.photometricInterpretation(), 0), pixels);
        }
    }

    /** The frames of an encapsulated file (one fragment per frame, or all fragments for a single frame). */
    public static Compressed read(Path file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            in.setBulkDataThreshold(Integer.MAX_VALUE);
            in.setMaxValueLength(Integer.MAX_VALUE - 16);
            Attributes fmi = in.readFileMetaInformation();
            Attributes ds = in.readDataset();
            PixelDescription d = PixelDescription.of(ds);
            List<byte[]> frames = new ArrayList<>();
            if (ds.getValue(Tag.PixelData) instanceof Fragments f) {
                if (d.numberOfFrames() == 1) {
                    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                    for (int i = 1; i < f.size(); i++) {
                        all.writeBytes(bytes(file, f.get(i)));
                    }
                    frames.add(all.toByteArray());
                } else if (f.size() - 1 == d.numberOfFrames()) {
                    for (int i = 1; i < f.size(); i++) {
                        frames.add(bytes(file, f.get(i)));
                    }
                } else {
                    throw new IOException(file + ": fragments do not map one to one on frames");
                }
            }
            return new Compressed(d, fmi.getString(Tag.TransferSyntaxUID).trim(), frames);
        }
    }

    private static byte[] bytes(Path file, Object fragment) throws IOException {
        if (fragment instanceof byte[] b) {
            return b;
        }
        BulkData bd = (BulkData) fragment;
        try (InputStream in = DicomFiles.bulkDataOf(file).open(bd)) {
            return in.readNBytes((int) bd.length());
        }
    }

    /**
     * One frame decoded by {@code opj_decompress}: its raw output is colour-by-plane, little endian, sign as the
     * codestream says, each sample in whole bytes.
     */
    public static byte[] openJpegDecompress(byte[] codestream, int samplesPerPixel, int bytesPerSample)
            throws IOException {
        Path dir = Files.createTempDirectory("opj");
        try {
            boolean jp2 = codestream.length > 8 && codestream[4] == 'j' && codestream[5] == 'P';
            Path in = Files.write(dir.resolve(jp2 ? "in.jp2" : "in.j2k"), codestream);
            Path out = dir.resolve("out.rawl");
            run(List.of("opj_decompress", "-quiet", "-i", in.toString(), "-o", out.toString()));
            byte[] planar = Files.readAllBytes(out);
            return samplesPerPixel == 1 ? planar : interleave(planar, planar.length, samplesPerPixel, bytesPerSample);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A JPEG 2000 codestream made by {@code opj_compress} from colour-by-plane little endian samples. */
    public static byte[] openJpegCompress(
            byte[] planar, int rows, int columns, int samples, int bits, boolean signed, String... options)
            throws IOException {
        Path dir = Files.createTempDirectory("opj");
        try {
            Path in = Files.write(dir.resolve("in.rawl"), planar);
            Path out = dir.resolve("out.j2k");
            List<String> command = new ArrayList<>(List.of(
                    "opj_compress",
                    "-i",
                    in.toString(),
                    "-o",
                    out.toString(),
                    "-F",
                    columns + "," + rows + "," + samples + "," + bits + "," + (signed ? "s" : "u")));
            command.addAll(List.of(options));
            run(command);
            return Files.readAllBytes(out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The largest difference between two sample arrays of the same layout. */
    public static int maxDifference(byte[] a, byte[] b, int bytesPerSample, boolean signed) {
        if (a.length != b.length) {
            return Integer.MAX_VALUE;
        }
        int max = 0;
        for (int i = 0; i < a.length; i += bytesPerSample) {
            max = Math.max(max, Math.abs(sample(a, i, bytesPerSample, signed) - sample(b, i, bytesPerSample, signed)));
        }
        return max;
    }

    private static int sample(byte[] b, int i, int bytes, boolean signed) {
        if (bytes == 1) {
            return signed ? b[i] : b[i] & 0xFF;
        }
        int v = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
        return signed ? (short) v : v;
    }

    /** Colour-by-plane frames (each {@code frameLength} bytes) made colour-by-pixel. */
    public static byte[] interleave(byte[] planar, long frameLength, int samples, int bytes) {
        byte[] out = new byte[planar.length];
        int frameBytes = (int) frameLength;
        int planeBytes = frameBytes / samples;
        for (int f = 0; f + frameBytes <= planar.length; f += frameBytes) {
            for (int s = 0; s < samples; s++) {
                for (int p = 0; p < planeBytes / bytes; p++) {
                    System.arraycopy(planar, f + s * planeBytes + p * bytes, out, f + (p * samples + s) * bytes, bytes);
                }
            }
        }
        return out;
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = p.getInputStream()) {
            String text = new String(out.readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(command + " failed: " + text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
