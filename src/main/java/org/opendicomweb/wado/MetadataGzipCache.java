package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.opendicomweb.config.DicomwebConfig;
import org.opendicomweb.web.StreamingBody;

/**
 * gzip-compressed DICOM JSON metadata, kept by entity tag, least recently used first out.
 *
 * <p>Why whole responses and not each instance's document compressed at store time: the documents of one series
 * repeat one another, and deflate finds that only within one stream: compressed per instance, a viewer would
 * download many times as much (figures in docs/conformance.md). So a response is compressed once, while it is
 * first sent, and served from here until its series or study changes, which changes its entity tag (and so its
 * key) too. Each node keeps its own copy; entity tags come from the shared index, so every node serves the same
 * bytes for a tag.
 */
@ApplicationScoped
public class MetadataGzipCache {
    private final long capacity;
    private final long maxEntry;
    // Access order: iteration starts at the least recently used entry.
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long size;

    @Inject
    MetadataGzipCache(DicomwebConfig config) {
        this(config.wado().metadataCacheSize().asLongValue());
    }

    MetadataGzipCache(long capacity) {
        this.capacity = capacity;
        this.maxEntry = capacity / 8;
    }

    /** The compressed response kept under {@code key}, or {@code null}. */
    public synchronized byte[] get(String key) {
        return entries.get(key);
    }

    /**
     * Writes the body that {@code writer} produces to {@code client} gzip-compressed, keeping the compressed
     * bytes under {@code key} when they fit. Nothing is kept when writing fails.
     */
    public void compress(String key, OutputStream client, StreamingBody.Writer writer) throws IOException {
        Capture capture = new Capture(client, maxEntry);
        try (GZIPOutputStream gzip = new GZIPOutputStream(capture, 64 * 1024)) {
            writer.write(gzip);
        }
        byte[] kept = capture.kept();
        if (kept != null) {
            put(key, kept);
        }
    }

    synchronized void put(String key, byte[] gzip) {
        if (gzip.length > maxEntry) {
            return;
        }
        byte[] old = entries.put(key, gzip);
        size += gzip.length - (old == null ? 0 : old.length);
        for (Iterator<Map.Entry<String, byte[]>> it = entries.entrySet().iterator();
                size > capacity && it.hasNext(); ) {
            size -= it.next().getValue().length;
            it.remove();
        }
    }

    /**
     * Drops the responses about deleted studies, series and instances, by their rows' pks: an entity tag, and so a
     * key, starts with its kind and the pk ({@code W/"st12-…}, see {@code EntityTags}). Their tags are not asked for
     * again (the rows are gone; what is stored again gets new pks), so this returns the memory at once rather than
     * when the entries would age out.
     */
    public synchronized void forget(Set<Long> studyPks, Set<Long> seriesPks, Set<Long> instancePks) {
        for (Iterator<Map.Entry<String, byte[]>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, byte[]> e = it.next();
            String key = e.getKey();
            int start = key.indexOf('"') + 1;
            int digits = start;
            while (digits < key.length() && Character.isLetter(key.charAt(digits))) {
                digits++;
            }
            int end = key.indexOf('-', digits);
            if (start == 0 || end < 0) {
                continue;
            }
            long pk;
            try {
                pk = Long.parseLong(key, digits, end, 10);
            } catch (NumberFormatException notOurs) {
                continue;
            }
            Set<Long> pks = switch (key.substring(start, digits)) {
                case "st", "stx" -> studyPks;
                case "se", "sex" -> seriesPks;
                case "i", "ix" -> instancePks;
                default -> Set.of();
            };
            if (pks.contains(pk)) {
                size -= e.getValue().length;
                it.remove();
            }
        }
    }

    synchronized long size() {
        return size;
    }

    /** Passes bytes on to the client and keeps a copy until it outgrows {@code limit}. Never closes the client. */
    private static final class Capture extends OutputStream {
        private final OutputStream client;
        private final long limit;
        private ByteArrayOutputStream copy = new ByteArrayOutputStream(16 * 1024);

        Capture(OutputStream client, long limit) {
            this.client = client;
            this.limit = limit;
            if (limit <= 0) {
                copy = null;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            client.write(b, off, len);
            if (copy != null) {
                if (copy.size() + len > limit) {
                    copy = null; // too large to keep: it is only sent
                } else {
                    copy.write(b, off, len);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            client.flush();
        }

        @Override
        public void close() throws IOException {
            client.flush();
        }

        byte[] kept() {
            return copy == null ? null : copy.toByteArray();
        }
    }
}
