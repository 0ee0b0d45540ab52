package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.BulkData;
import org.opendicomweb.dicom.Endianness;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.index.InstanceMetadata;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.StreamingBody;

/**
 * Retrieve Bulkdata (PS3.18 §10.4.1.1.5): the values the metadata names by BulkDataURI
 * ({@code .../instances/{i}/bulkdata/{tag}[/{item}/{tag}...]}, as {@link org.opendicomweb.dicom.json.TagPath}
 * writes them). The file is parsed the way STOW parsed it for the metadata, so every URI it wrote resolves;
 * values are sent little endian, from the file in place.
 */
@ApplicationScoped
public class BulkDataService {
    private final InstanceLocations locations;
    private final BlobStore blobs;
    private final FrameService frames;

    @Inject
    BulkDataService(InstanceLocations locations, BlobStore blobs, FrameService frames) {
        this.locations = locations;
        this.blobs = blobs;
        this.frames = frames;
    }

    /**
     * A value in the stored file ({@code offset} and {@code length}), in the inflated copy of a deflated one
     * ({@code inflated}, which the offsets then point into), or in memory ({@code bytes}).
     */
    public record Value(String blobKey, ReadableBlob inflated, long offset, long length, int swapWidth, byte[] bytes) {
        public long size() {
            return bytes != null ? bytes.length : length;
        }
    }

    public StoredFile file(RetrieveTarget target) {
        List<StoredFile> files = locations.files(target);
        if (files.isEmpty()) {
            throw DicomwebException.notFound("No " + target.describe());
        }
        return files.get(0);
    }

    /** The value at {@code path} of the instance; 400 for a malformed path, 404 when there is no such value. */
    public Value value(StoredFile file, String path) {
        int[] steps = parsePath(path);
        try (ReadableBlob blob = blobs.open(file.blobKey())) {
            Attributes ds;
            try (DicomInputStream in = new DicomInputStream(blob.inputStream())) {
                in.setBulkDataThreshold(InstanceMetadata.INLINE_LIMIT);
                ds = in.readDataset(); // deflated files: values come in memory, and are sent from there
            }
            Attributes item = ds;
            for (int i = 0; i < steps.length - 1; i += 2) {
                Sequence seq = item.getSequence(steps[i]);
                if (seq == null || steps[i + 1] >= seq.size()) {
                    throw notFound(file, path);
                }
                item = seq.get(steps[i + 1]);
            }
            int tag = steps[steps.length - 1];
            Object v = item.getValue(tag);
            VR vr = item.vrOf(tag);
            int swap = item.bigEndian() && vr != null && vr.isSwapped() ? Endianness.swapWidth(vr) : 1;
            if (v instanceof BulkData bd && bd.hasOffset()) {
                return new Value(file.blobKey(), null, bd.offset(), bd.length(), bd.bigEndian() ? swap : 1, null);
            }
            if (v instanceof byte[] b && vr != null && vr.kind() == VR.Kind.BULK) {
                byte[] copy = b.clone();
                if (swap > 1) {
                    Endianness.swap(copy, 0, copy.length - copy.length % swap, swap);
                }
                return new Value(null, null, 0, copy.length, 1, copy);
            }
            throw notFound(file, path);
        } catch (IOException e) {
            throw new DicomwebException(500, "The stored file of instance " + file.instance() + " cannot be read", e);
        }
    }

    /** Native pixel data as one value; {@code null} when it is encapsulated (served as frames instead). */
    public Value pixelData(StoredFile file) {
        FrameTable t = frames.table(file);
        // A deflated file's table points into its inflated copy, not into the stored (deflated) bytes.
        return t.encapsulated()
                ? null
                : new Value(file.blobKey(), t.inflated, t.valueOffset, t.valueLength, t.swapWidth, null);
    }

    /** Every frame of encapsulated pixel data, in its stored syntax unless the client asks otherwise. */
    public FrameService.Plan allFrames(RetrieveTarget target, StoredFile file, String accept) {
        StringBuilder list = new StringBuilder("1");
        for (int k = 2; k <= frames.table(file).frames; k++) {
            list.append(',').append(k);
        }
        boolean any = accept == null || accept.isBlank() || accept.trim().equals("*/*");
        return frames.plan(
                target,
                list.toString(),
                any ? "multipart/related; type=application/octet-stream; transfer-syntax=*" : accept);
    }

    /** Writes {@code length} bytes of the value from {@code start}, little endian. */
    public void write(Value v, long start, long length, OutputStream out) throws IOException {
        if (v.bytes() != null) {
            out.write(v.bytes(), (int) start, (int) length);
            return;
        }
        int w = v.swapWidth();
        try (ReadableBlob blob = v.inflated() != null ? v.inflated() : blobs.open(v.blobKey())) {
            if (w == 1 && blob.fileChannel().isPresent()) {
                StreamingBody.transfer(blob.fileChannel().get(), v.offset() + start, length, out);
                return;
            }
            swapped(blob, v, start, length, out);
        }
    }

    /** The value's bytes in the range, each word swapped to little endian (width 1: as stored). */
    private static void swapped(ReadableBlob blob, Value v, long start, long length, OutputStream out)
            throws IOException {
        int w = v.swapWidth();
        long alignedStart = start - start % w;
        long alignedEnd = Math.min(v.length(), ((start + length + w - 1) / w) * w);
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = blob.inputStream(v.offset() + alignedStart, alignedEnd - alignedStart)) {
            long pos = alignedStart;
            while (pos < start + length) {
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, alignedEnd - pos));
                if (n <= 0) {
                    throw new IOException("Stored file ends inside a bulk data value");
                }
                if (w > 1) {
                    Endianness.swap(buffer, 0, n - n % w, w);
                }
                int from = (int) Math.max(0, start - pos);
                int to = (int) Math.min(n, start + length - pos);
                out.write(buffer, from, to - from);
                pos += n;
            }
        }
    }

    private static DicomwebException notFound(StoredFile file, String path) {
        return DicomwebException.notFound("Instance " + file.instance() + " has no bulk data at " + path);
    }

    /** "00540016/0/00181072" -> {tag, item, tag}; 400 when it is not that shape. */
    static int[] parsePath(String path) {
        String[] parts = path.split("/");
        if (parts.length % 2 == 0) {
            throw DicomwebException.badRequest("Malformed bulk data path '" + path + "'");
        }
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            try {
                if (i % 2 == 0) {
                    if (p.length() != 8) {
                        throw new NumberFormatException();
                    }
                    steps.add(Integer.parseUnsignedInt(p, 16));
                } else {
                    int item = Integer.parseInt(p);
                    if (item < 0) {
                        throw new NumberFormatException();
                    }
                    steps.add(item);
                }
            } catch (NumberFormatException e) {
                throw DicomwebException.badRequest("Malformed bulk data path '" + path + "' at '" + p + "'");
            }
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether the path names top-level pixel data, which is served frame by frame when encapsulated. */
    public static boolean isTopLevelPixelData(String path) {
        int[] steps = parsePath(path);
        return steps.length == 1
                && (steps[0] == Tag.PixelData
                        || steps[0] == Tag.FloatPixelData
                        || steps[0] == Tag.DoubleFloatPixelData);
    }
}
