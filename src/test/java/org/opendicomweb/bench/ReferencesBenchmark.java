package org.opendicomweb.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.UID;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.index.InstanceKeys;
import org.opendicomweb.index.InstanceMetadata;
import org.opendicomweb.index.InstanceReference;
import org.opendicomweb.testing.DicomFiles;

/**
 * What finding the references of an instance ({@link InstanceReference#of}) costs beside the rest of the work STOW
 * does per instance in process: parse as STOW parses (values over 1 KiB left as references), CRC-32C of the bytes,
 * the matching keys ({@link InstanceKeys#of}, which includes the references) and the metadata document. One thread;
 * a 512x512 CT slice without references and a Comprehensive SR citing {@code images} images twice (content items
 * and evidence). Not counted: HTTP, the multipart reader, the file write and fsync, the index transaction, all of
 * which make the real share smaller.
 *
 * <pre>java -cp target/classes:target/test-classes org.opendicomweb.bench.ReferencesBenchmark [seconds] [images]</pre>
 */
public final class ReferencesBenchmark {
    private static volatile Object sink;

    private ReferencesBenchmark() {}

    @FunctionalInterface
    private interface Op {
        Object run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        byte[] ct = DicomFiles.ctImage().size(512, 512).toBytes();
        byte[] sr = sr(images).toBytes();
        System.out.printf(
                Locale.ROOT,
                "java %s; %.0f s per case; CT %d bytes, SR %d bytes (%d references)%n",
                System.getProperty("java.version"),
                seconds,
                ct.length,
                sr.length,
                InstanceReference.of(parse(sr)).size());
        System.out.println("| Instance | STOW work in process, µs | references, µs | share |");
        System.out.println("|---|---:|---:|---:|");
        for (var c : List.of(List.of("CT 512x512, no references", ct), List.of("SR, " + images + " images", sr))) {
            byte[] bytes = (byte[]) c.get(1);
            Attributes parsed = parse(bytes);
            double total = measure(seconds, () -> {
                CRC32C crc = new CRC32C();
                crc.update(bytes);
                Attributes ds = parse(bytes);
                InstanceKeys keys = InstanceKeys.of(ds);
                return InstanceMetadata.encode(
                                        ds, keys.studyInstanceUid(), keys.seriesInstanceUid(), keys.sopInstanceUid())
                                .length
                        + crc.getValue();
            });
            double references = measure(seconds, () -> InstanceReference.of(parsed));
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.1f | %.2f | %.2f%% |%n",
                    c.get(0),
                    total,
                    references,
                    100 * references / total);
        }
    }

    private static Attributes parse(byte[] bytes) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
            in.setBulkDataThreshold(InstanceMetadata.INLINE_LIMIT);
            in.readFileMetaInformation();
            Attributes ds = new Attributes(in.transferSyntax().bigEndian(), 64);
            in.readDataset(ds, -1);
            return ds;
        }
    }

    /** A Comprehensive SR whose content cites {@code images} CT images, listed again as its evidence. */
    private static DicomFiles.Builder sr(int images) {
        return DicomFiles.ctImage()
                .sopClassUid(UID.ComprehensiveSRStorage)
                .modality("SR")
                .without(Tag.PixelData)
                .without(Tag.Rows)
                .without(Tag.Columns)
                .edit(ds -> {
                    ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
                    Sequence content = ds.newSequence(Tag.ContentSequence, images);
                    Attributes evidence = ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence, 1)
                            .addItem();
                    evidence.setString(Tag.StudyInstanceUID, VR.UI, "2.25.7");
                    Attributes series = evidence.newSequence(Tag.ReferencedSeriesSequence, 1)
                            .addItem();
                    series.setString(Tag.SeriesInstanceUID, VR.UI, "2.25.7.1");
                    Sequence listed = series.newSequence(Tag.ReferencedSOPSequence, images);
                    for (int i = 0; i < images; i++) {
                        String uid = "2.25.7.1." + i;
                        Attributes item = content.addItem();
                        item.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
                        item.setString(Tag.ValueType, VR.CS, "IMAGE");
                        Attributes ref =
                                item.newSequence(Tag.ReferencedSOPSequence, 1).addItem();
                        ref.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
                        ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
                        Attributes again = listed.addItem();
                        again.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
                        again.setString(Tag.ReferencedSOPInstanceUID, VR.UI, uid);
                    }
                });
    }

    /** Microseconds per operation, after a warm-up. */
    private static double measure(double seconds, Op op) throws IOException {
        long warmupEnd = System.nanoTime() + (long) (seconds * 0.4e9);
        while (System.nanoTime() < warmupEnd) {
            sink = op.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
        long now;
        do {
            for (int k = 0; k < 16; k++) {
                sink = op.run();
            }
            n += 16;
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1e3 / n;
    }
}
