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
    private final LinkedHashMap<String, Kept> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long size;

    /** A compressed response and the study it is part of, so that a change to the study can drop it. */
    private record Kept(byte[] gzip, String study) {}

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
        Kept kept = entries.get(key);
        return kept == null ? null : kept.gzip;
    }

    /**
     * Writes the body that {@code writer} produces to {@code client} gzip-compressed, keeping the compressed
     * bytes under {@code key} when they fit. Nothing is kept when writing fails.
     */
    public void compress(String key, OutputStream client, StreamingBody.Writer writer) throws IOException {
        compress(key, null, client, writer);
    }

    /** As {@link #compress(String, OutputStream, StreamingBody.Writer)}, for a response of {@code study}. */
    public void compress(String key, String study, OutputStream client, StreamingBody.Writer writer)
            throws IOException {
        Capture capture = new Capture(client, maxEntry);
        try (GZIPOutputStream gzip = new GZIPOutputStream(capture, 64 * 1024)) {
            writer.write(gzip);
        }
        byte[] kept = capture.kept();
        if (kept != null) {
            put(key, study, kept);
        }
    }

    synchronized void put(String key, byte[] gzip) {
        put(key, null, gzip);
    }

    synchronized void put(String key, String study, byte[] gzip) {
        if (gzip.length > maxEntry) {
            return;
        }
        Kept old = entries.put(key, new Kept(gzip, study));
        size += gzip.length - (old == null ? 0 : old.gzip.length);
        for (Iterator<Map.Entry<String, Kept>> it = entries.entrySet().iterator(); size > capacity && it.hasNext(); ) {
            size -= it.next().getValue().gzip.length;
            it.remove();
        }
    }

    /**
     * Drops the responses of these studies. Their entity tags change with the study anyway, so this frees memory
     * and never relies on a node's copy outliving a change that another node made to the shared index.
     */
    public synchronized void forgetStudies(Set<String> studies) {
        for (Iterator<Map.Entry<String, Kept>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Kept kept = it.next().getValue();
            if (kept.study != null && studies.contains(kept.study)) {
                size -= kept.gzip.length;
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
