package org.opendicomweb.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.imaging.FrameDecoder;
import org.opendicomweb.imaging.FrameDecoders;
import org.opendicomweb.imaging.FrameEncoder;
import org.opendicomweb.imaging.FrameEncoders;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PixelReference;
import org.opendicomweb.testing.PixelReference.Compressed;

/**
 * Single-threaded decode time of one 512x512 frame per compressed syntax: a smooth image with noise, compressed by
 * dcmtk (RLE, JPEG, JPEG-LS) and OpenJPEG (JPEG 2000); then the encode time of our encoders on the same image, with
 * the size of their output next to dcmtk's. 16 bits allocated; JPEG Extended holds 12 bits stored, JPEG Baseline
 * is 8-bit by definition. Each case warms up, then decodes for a fixed time; the figure is milliseconds per frame.
 *
 * <pre>mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.opendicomweb.bench.DecodeBenchmark [seconds]</pre>
 */
public final class DecodeBenchmark {
    private static final int SIZE = 512;
    private static volatile Object sink;

    private DecodeBenchmark() {}

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Path dir = Files.createTempDirectory("decode-bench");
        System.out.printf(
                Locale.ROOT,
                "512x512 frames; %.0f s per case; java %s; %d processors%n",
                seconds,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| Syntax | Bits stored | Compressed bytes | ms/frame (one core) |");
        System.out.println("|---|---:|---:|---:|");
        Path u16 = write(dir, "u16", 16, 16);
        Path u12 = write(dir, "u12", 16, 12);
        Path u8 = write(dir, "u8", 8, 8);
        measure(
                "RLE Lossless (1.2.840.10008.1.2.5)",
                16,
                PixelReference.dcmtkCompress(u16, dir.resolve("rle.dcm"), "dcmcrle"),
                seconds);
        measure(
                "JPEG Baseline (.4.50)",
                8,
                PixelReference.dcmtkCompress(u8, dir.resolve("jb.dcm"), "dcmcjpeg", "+eb"),
                seconds);
        measure(
                "JPEG Extended (.4.51)",
                12,
                PixelReference.dcmtkCompress(u12, dir.resolve("je.dcm"), "dcmcjpeg", "+ee"),
                seconds);
        measure(
                "JPEG Lossless (.4.57, SV 7)",
                16,
                PixelReference.dcmtkCompress(u16, dir.resolve("jl.dcm"), "dcmcjpeg", "+el", "+sv", "7"),
                seconds);
        measure(
                "JPEG Lossless SV1 (.4.70)",
                16,
                PixelReference.dcmtkCompress(u16, dir.resolve("j1.dcm"), "dcmcjpeg", "+e1"),
                seconds);
        measure(
                "JPEG-LS Lossless (.4.80)",
                16,
                PixelReference.dcmtkCompress(u16, dir.resolve("ls.dcm"), "dcmcjpls"),
                seconds);
        measure(
                "JPEG-LS Near-Lossless NEAR 2 (.4.81)",
                16,
                PixelReference.dcmtkCompress(u16, dir.resolve("lsn.dcm"), "dcmcjpls", "+en"),
                seconds);
        measure("JPEG 2000 Lossless (.4.90)", 16, jpeg2000(dir, u16, "1.2.840.10008.1.2.4.90"), seconds);
        measure("JPEG 2000 lossy 10:1 (.4.91)", 16, jpeg2000(dir, u16, "1.2.840.10008.1.2.4.91"), seconds);
        System.out.println();
        System.out.println(
                "| Encoded into | Bits stored | Our bytes | dcmtk's (OpenJPEG's) bytes | ms/frame (one core) |");
        System.out.println("|---|---:|---:|---:|---:|");
        measureEncoder(
                "RLE Lossless (1.2.840.10008.1.2.5)", "1.2.840.10008.1.2.5", u16, dir.resolve("rle.dcm"), seconds);
        measureEncoder("JPEG Lossless SV1 (.4.70)", "1.2.840.10008.1.2.4.70", u16, dir.resolve("j1.dcm"), seconds);
        measureEncoder(
                "JPEG Lossless SV1 (.4.70)",
                "1.2.840.10008.1.2.4.70",
                u12,
                PixelReference.dcmtkCompress(u12, dir.resolve("j1-12.dcm"), "dcmcjpeg", "+e1"),
                seconds);
        measureEncoder(
                "JPEG Lossless SV1 (.4.70)",
                "1.2.840.10008.1.2.4.70",
                u8,
                PixelReference.dcmtkCompress(u8, dir.resolve("j1-8.dcm"), "dcmcjpeg", "+e1"),
                seconds);
        measureEncoder("JPEG-LS Lossless (.4.80)", "1.2.840.10008.1.2.4.80", u16, dir.resolve("ls.dcm"), seconds);
        measureEncoder(
                "JPEG-LS Lossless (.4.80)",
                "1.2.840.10008.1.2.4.80",
                u8,
                PixelReference.dcmtkCompress(u8, dir.resolve("ls-8.dcm"), "dcmcjpls"),
                seconds);
        measureEncoder(
                "JPEG 2000 Lossless (.4.90)",
                "1.2.840.10008.1.2.4.90",
                u16,
                jpeg2000(dir, u16, "1.2.840.10008.1.2.4.90"),
                seconds);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static void measure(String name, int bits, Path file, double seconds) throws IOException {
        Compressed c = PixelReference.read(file);
        FrameDecoder decoder = FrameDecoders.forSyntax(c.transferSyntax()).orElseThrow();
        byte[] frame = c.frames().get(0);
        long warmUntil = System.nanoTime() + (long) (seconds * 1e9 / 2);
        while (System.nanoTime() < warmUntil) {
            sink = decoder.decode(c.description(), new ByteArrayInputStream(frame));
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int n = 0;
        while (System.nanoTime() < end || n < 3) {
            sink = decoder.decode(c.description(), new ByteArrayInputStream(frame));
            n++;
        }
        double ms = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f |%n", name, bits, frame.length, ms);
    }

    /** Our encoder on the native image, against the size of dcmtk's (or OpenJPEG's) encoding of it ({@code dcmtkFile}). */
    private static void measureEncoder(String name, String syntax, Path nativeFile, Path dcmtkFile, double seconds)
            throws IOException {
        PixelReference.Pixels pixels = PixelReference.nativePixels(nativeFile);
        FrameEncoder encoder = FrameEncoders.forSyntax(syntax).orElseThrow();
        byte[] frame = pixels.bytes();
        long warmUntil = System.nanoTime() + (long) (seconds * 1e9 / 2);
        while (System.nanoTime() < warmUntil) {
            sink = encoder.encode(pixels.description(), frame);
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int n = 0;
        byte[] encoded = null;
        while (System.nanoTime() < end || n < 3) {
            encoded = encoder.encode(pixels.description(), frame);
            n++;
        }
        double ms = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %d | %d | %.1f |%n",
                name,
                pixels.description().bitsStored(),
                encoded.length,
                PixelReference.read(dcmtkFile).frames().get(0).length,
                ms);
    }

    private static Path write(Path dir, String name, int bitsAllocated, int bitsStored) {
        Random random = new Random(1);
        int bytes = bitsAllocated / 8;
        byte[] b = new byte[SIZE * SIZE * bytes];
        int max = (1 << bitsStored) - 1;
        for (int r = 0, i = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double wave = Math.sin(r / 17.0) * Math.cos(c / 23.0) * 0.45 + 0.5;
                int v = (int) Math.max(0, Math.min(max, Math.round(wave * max + random.nextGaussian() * max / 200)));
                b[i++] = (byte) v;
                if (bytes == 2) {
                    b[i++] = (byte) (v >> 8);
                }
            }
        }
        return DicomFiles.multiFrame(1)
                .size(SIZE, SIZE)
                .bitsAllocated(bitsAllocated)
                .pixelData(b)
                .edit(ds -> {
                    ds.setInt(Tag.BitsStored, VR.US, bitsStored);
                    ds.setInt(Tag.HighBit, VR.US, bitsStored - 1);
                })
                .writeTo(dir.resolve(name + ".dcm"));
    }

    private static Path jpeg2000(Path dir, Path nativeFile, String syntax) throws IOException {
        byte[] pixels = PixelReference.nativePixels(nativeFile).bytes();
        boolean lossless = syntax.endsWith(".90");
        byte[] cs = PixelReference.openJpegCompress(
                pixels, SIZE, SIZE, 1, 16, false, lossless ? new String[0] : new String[] {"-I", "-r", "10"});
        byte[] even = cs.length % 2 == 0 ? cs : java.util.Arrays.copyOf(cs, cs.length + 1);
        return DicomFiles.multiFrame(1)
                .size(SIZE, SIZE)
                .bitsAllocated(16)
                .pixelData(pixels)
                .edit(ds -> {
                    ds.setInt(Tag.BitsStored, VR.US, 16);
                    ds.setInt(Tag.HighBit, VR.US, 15);
                })
                .transferSyntax(TransferSyntax.of(syntax))
                .edit(ds -> {
                    Fragments f = ds.newFragments(Tag.PixelData, VR.OB, 2);
                    f.add(new byte[0]);
                    f.add(even);
                })
                .writeTo(dir.resolve(lossless ? "j2k.dcm" : "j2ki.dcm"));
    }
}
