package org.opendicomweb.wado;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class MetadataGzipCacheTest {

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void theClientGetsAGzipStreamOfTheBodyAndTheSameBytesAreKept() throws IOException {
        MetadataGzipCache cache = new MetadataGzipCache(1 << 20);
        byte[] body = "[{\"00080018\":{\"vr\":\"UI\"}}]".repeat(200).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        cache.compress("tag root", client, out -> out.write(body));
        assertArrayEquals(body, gunzip(client.toByteArray()));
        assertArrayEquals(client.toByteArray(), cache.get("tag root"));
        assertNull(cache.get("other tag root"));
    }

    @Test
    void aResponseOverAnEighthOfTheCacheIsSentButNotKept() throws IOException {
        MetadataGzipCache cache = new MetadataGzipCache(64 * 1024);
        byte[] incompressible = new byte[20 * 1024];
        new Random(1).nextBytes(incompressible);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        cache.compress("big", client, out -> out.write(incompressible));
        assertArrayEquals(incompressible, gunzip(client.toByteArray()));
        assertNull(cache.get("big"));
        assertEquals(0, cache.size());
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenTheCacheIsFull() {
        MetadataGzipCache cache = new MetadataGzipCache(8 * 1000);
        cache.put("a", new byte[1000]);
        cache.put("b", new byte[1000]);
        for (int i = 0; i < 6; i++) {
            cache.put("c" + i, new byte[1000]);
        }
        assertNotNull(cache.get("a")); // a is now the most recently used, b the least
        cache.put("d", new byte[1000]);
        assertNull(cache.get("b"));
        assertNotNull(cache.get("a"));
        assertEquals(8000, cache.size());
    }

    @Test
    void aFailedWriteKeepsNothing() {
        MetadataGzipCache cache = new MetadataGzipCache(1 << 20);
        assertThrows(
                IOException.class,
                () -> cache.compress("broken", new ByteArrayOutputStream(), out -> {
                    out.write(new byte[100]);
                    throw new IOException("the index went away");
                }));
        assertNull(cache.get("broken"));
    }

    @Test
    void aCacheOfSizeZeroKeepsNothing() throws IOException {
        MetadataGzipCache cache = new MetadataGzipCache(0);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        cache.compress("k", client, out -> out.write(new byte[10]));
        assertEquals(10, gunzip(client.toByteArray()).length);
        assertNull(cache.get("k"));
    }

    @Test
    void forgettingDeletedRowsDropsTheirResponsesAndNoOthers() {
        MetadataGzipCache cache = new MetadataGzipCache(1 << 20);
        // Keys as WadoResource makes them: the entity tag (kind, row pk, version, root checksum) and the root.
        cache.put("W/\"st12-3-1f\" http://a/dicom-web", new byte[10]);
        cache.put("W/\"stx12-3-1f\" http://a/dicom-web", new byte[10]);
        cache.put("W/\"st123-1-1f\" http://a/dicom-web", new byte[10]);
        cache.put("W/\"se7-2-1f\" http://a/dicom-web", new byte[10]);
        cache.put("W/\"se12-2-1f\" http://a/dicom-web", new byte[10]);
        cache.put("W/\"i9-2-1f\" http://a/dicom-web", new byte[10]);
        cache.put("W/\"ix7-2-1f\" http://a/dicom-web", new byte[10]);

        cache.forget(java.util.Set.of(12L), java.util.Set.of(7L), java.util.Set.of(9L));

        assertNull(cache.get("W/\"st12-3-1f\" http://a/dicom-web"));
        assertNull(cache.get("W/\"stx12-3-1f\" http://a/dicom-web"));
        assertNull(cache.get("W/\"se7-2-1f\" http://a/dicom-web"));
        assertNull(cache.get("W/\"i9-2-1f\" http://a/dicom-web"));
        assertNotNull(cache.get("W/\"st123-1-1f\" http://a/dicom-web"), "another study, whose pk starts alike");
        assertNotNull(cache.get("W/\"se12-2-1f\" http://a/dicom-web"), "a series whose pk is the study's");
        assertNotNull(cache.get("W/\"ix7-2-1f\" http://a/dicom-web"), "an instance whose pk is the series'");
        assertEquals(30, cache.size());
    }
}
