package org.opendicomweb.bench;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.dicom.io.DicomOutputStream;
import org.opendicomweb.testing.DicomFiles;

/**
 * Single-threaded timing of the codec on 512x512 16-bit CT slices (about 0.5 MB each) made with the test
 * fixture builder: header parse stopping before Pixel Data, full parse (pixel data left as a reference), and
 * write. Each case warms up, then counts operations over a fixed time; the result is operations per second on
 * one core. The files are left in the folder for the pydicom and dcmtk comparisons of {@code bench/codec/run.sh}.
 *
 * <pre>java -cp target/classes:target/test-classes org.opendicomweb.bench.CodecBenchmark [folder] [seconds]</pre>
 */
public final class CodecBenchmark {
    private static final int FILES = 100;
    private static volatile Object sink;

    private CodecBenchmark() {}

    @FunctionalInterface
    private interface Op {
        Object run(int i) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "bench/work/codec");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<Path> files = makeFiles(folder);
        List<byte[]> contents = new ArrayList<>();
        for (Path f : files) {
            contents.add(Files.readAllBytes(f));
        }
        Attributes dataset = DicomFiles.ctImage()
                .size(512, 512)
                .studyUid("2.25.1")
                .seriesUid("2.25.1.1")
                .sopInstanceUid("2.25.1.1.1")
                .dataset();
        Attributes meta = DicomOutputStream.createFileMetaInformation(
                dataset.getString(Tag.SOPClassUID),
                dataset.getString(Tag.SOPInstanceUID),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        long fileSize = contents.get(0).length;

        System.out.printf(
                Locale.ROOT,
                "%d files of %d bytes in %s; %.0f s per case; java %s; %d processors%n",
                files.size(),
                fileSize,
                folder,
                seconds,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| Case | ops/s (one core) | µs/op |");
        System.out.println("|---|---:|---:|");
        measure("header parse, from file (stop before Pixel Data)", seconds, i -> {
            try (DicomInputStream in = new DicomInputStream(
                    new FileInputStream(files.get(i % FILES).toFile()))) {
                return in.readDataset(Tag.PixelData);
            }
        });
        measure("header parse, from memory", seconds, i -> {
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(contents.get(i % FILES)))) {
                return in.readDataset(Tag.PixelData);
            }
        });
        measure("full parse, from file (pixel data as a reference)", seconds, i -> {
            try (DicomInputStream in = new DicomInputStream(
                    new FileInputStream(files.get(i % FILES).toFile()))) {
                return in.readDataset();
            }
        });
        measure("full parse, from memory (pixel data read past)", seconds, i -> {
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(contents.get(i % FILES)))) {
                return in.readDataset();
            }
        });
        measure("header parse + get 5 strings (UIDs, name)", seconds, i -> {
            try (DicomInputStream in = new DicomInputStream(
                    new FileInputStream(files.get(i % FILES).toFile()))) {
                Attributes ds = in.readDataset(Tag.PixelData);
                return ds.getString(Tag.StudyInstanceUID)
                        + ds.getString(Tag.SeriesInstanceUID)
                        + ds.getString(Tag.SOPInstanceUID)
                        + ds.getString(Tag.PatientName)
                        + ds.getString(Tag.PatientID);
            }
        });
        measure("write Part 10, explicit VR LE, to a null stream", seconds, i -> {
            DicomOutputStream out = new DicomOutputStream(OutputStream.nullOutputStream());
            out.writeFileMetaInformation(meta);
            out.writeDataset(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            return out;
        });
        measure("write Part 10, big endian (swapping 0.5 MB), to a null stream", seconds, i -> {
            DicomOutputStream out = new DicomOutputStream(OutputStream.nullOutputStream());
            out.writeFileMetaInformation(meta);
            out.writeDataset(dataset, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
            return out;
        });
    }

    private static List<Path> makeFiles(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Path f = folder.resolve(String.format(Locale.ROOT, "ct%03d.dcm", i));
            if (!Files.exists(f)) {
                DicomFiles.ctImage()
                        .patient("Bench^Patient^" + i, "BENCH-" + i)
                        .studyUid("2.25.20261123." + i / 10)
                        .series("2.25.20261123." + i / 10 + ".1", 1)
                        .instance("2.25.20261123." + i / 10 + ".1." + i, i)
                        .size(512, 512)
                        .with(Tag.InstitutionName, VR.LO, "Benchmark Hospital")
                        .with(Tag.StationName, VR.SH, "CT01")
                        .with(Tag.ProtocolName, VR.LO, "Chest routine")
                        .with(Tag.BodyPartExamined, VR.CS, "CHEST")
                        .with(Tag.ConvolutionKernel, VR.SH, "STANDARD")
                        .withSequence(Tag.ReferencedImageSequence, item -> {
                            item.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
                            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25.20261123.0.1.0");
                        })
                        .writeTo(f);
            }
            files.add(f);
        }
        return files;
    }

    private static void measure(String name, double seconds, Op op) throws IOException {
        long warmupEnd = System.nanoTime() + (long) (seconds * 0.4e9);
        int i = 0;
        while (System.nanoTime() < warmupEnd) {
            sink = op.run(i++);
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
        long now;
        do {
            for (int k = 0; k < 64; k++) {
                sink = op.run(i++);
            }
            n += 64;
            now = System.nanoTime();
        } while (now < end);
        double elapsed = (now - start) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f |%n", name, n / elapsed, elapsed * 1e6 / n);
    }
}
