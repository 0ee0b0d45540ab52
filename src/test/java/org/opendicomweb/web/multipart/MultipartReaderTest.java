package org.opendicomweb.web.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opendicomweb.web.MediaType;

class MultipartReaderTest {

    private static byte[] body(String boundary, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static List<byte[]> readAll(InputStream in, String boundary) throws IOException {
        MultipartReader reader = new MultipartReader(in, boundary);
        List<byte[]> parts = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            parts.add(p.body().readAllBytes());
        }
        return parts;
    }

    /** Delivers at most a few bytes per read, so delimiters straddle buffer fills. */
    private static InputStream trickle(byte[] b) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] buf, int off, int len) {
                return super.read(buf, off, Math.min(len, 3));
            }
        };
    }

    @Test
    void readsPartsWithBinaryContentThatResemblesTheDelimiter() throws IOException {
        byte[] a = "\r\n--bound\r\n--boun".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[200_000];
        new Random(7).nextBytes(b);
        List<byte[]> parts = readAll(trickle(body("boundary", a, b)), "boundary");
        assertEquals(2, parts.size());
        assertArrayEquals(a, parts.get(0));
        assertArrayEquals(b, parts.get(1));
    }

    /**
     * Parts full of delimiter look-alikes, delivered in random chunk sizes and read back in random small lengths:
     * the reader hands out bytes it has already searched without searching again, and must never hand out a
     * delimiter's first bytes as part data.
     */
    @Test
    void readsTheSamePartsWhateverTheChunkSizesOnBothSides() throws IOException {
        Random random = new Random(11);
        byte[] lookalike = "\r\n--boundar".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 200; round++) {
            byte[][] parts = new byte[1 + random.nextInt(4)][];
            for (int i = 0; i < parts.length; i++) {
                ByteArrayOutputStream p = new ByteArrayOutputStream();
                int pieces = random.nextInt(40);
                for (int k = 0; k < pieces; k++) {
                    byte[] noise = new byte[random.nextInt(3000)];
                    random.nextBytes(noise);
                    p.writeBytes(noise);
                    p.write(lookalike, 0, 1 + random.nextInt(lookalike.length));
                    p.write('#'); // never the delimiter's last character
                }
                parts[i] = p.toByteArray();
            }
            long seed = random.nextLong();
            InputStream source = new ByteArrayInputStream(body("boundary", parts)) {
                private final Random chunks = new Random(seed);

                @Override
                public synchronized int read(byte[] buf, int off, int len) {
                    return super.read(buf, off, Math.min(len, 1 + chunks.nextInt(20_000)));
                }
            };
            MultipartReader reader = new MultipartReader(source, "boundary");
            for (byte[] expected : parts) {
                MultipartReader.Part part = reader.next();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] chunk = new byte[700];
                for (int n; (n = part.body().read(chunk, 0, 1 + random.nextInt(chunk.length))) >= 0; ) {
                    got.write(chunk, 0, n);
                }
                assertArrayEquals(expected, got.toByteArray(), "round " + round);
            }
            assertNull(reader.next(), "round " + round);
        }
    }

    /**
     * Reads, bounded transfers (as a skipped value is copied) and a final transfer of the rest, mixed at random over
     * parts full of delimiter look-alikes that arrive in random pieces: the bytes written are the part's, in order,
     * and a transfer asked for more than the part holds stops at its end.
     */
    @Test
    void transfersTheSameBytesAsItReadsAndStopsAtThePartsEnd() throws IOException {
        Random random = new Random(23);
        byte[] lookalike = "\r\n--boundar".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 200; round++) {
            byte[][] parts = new byte[1 + random.nextInt(4)][];
            for (int i = 0; i < parts.length; i++) {
                ByteArrayOutputStream p = new ByteArrayOutputStream();
                int pieces = random.nextInt(40);
                for (int k = 0; k < pieces; k++) {
                    byte[] noise = new byte[random.nextInt(30_000)];
                    random.nextBytes(noise);
                    p.writeBytes(noise);
                    p.write(lookalike, 0, 1 + random.nextInt(lookalike.length));
                    p.write('#');
                }
                parts[i] = p.toByteArray();
            }
            long seed = random.nextLong();
            InputStream source = new ByteArrayInputStream(body("boundary", parts)) {
                private final Random chunks = new Random(seed);

                @Override
                public synchronized int read(byte[] buf, int off, int len) {
                    return super.read(buf, off, Math.min(len, 1 + chunks.nextInt(100_000)));
                }
            };
            MultipartReader reader = new MultipartReader(source, "boundary");
            for (byte[] expected : parts) {
                MultipartReader.PartStream body =
                        (MultipartReader.PartStream) reader.next().body();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                while (got.size() < expected.length && random.nextInt(8) > 0) {
                    if (random.nextBoolean()) {
                        byte[] chunk = new byte[1 + random.nextInt(20_000)];
                        int n = body.read(chunk, 0, chunk.length);
                        got.write(chunk, 0, n);
                    } else {
                        long max = 1 + random.nextInt(300_000);
                        long left = expected.length - got.size();
                        assertEquals(Math.min(max, left), body.transferTo(got, max), "round " + round);
                    }
                }
                body.transferTo(got);
                assertArrayEquals(expected, got.toByteArray(), "round " + round);
                assertEquals(0, body.transferTo(got, 10), "round " + round);
                assertEquals(-1, body.read());
            }
            assertNull(reader.next(), "round " + round);
        }
    }

    @Test
    void failsATransferWhenTheBodyIsCutOffInsideThePart() throws IOException {
        byte[] cut = ("--b\r\n\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII);
        MultipartReader.PartStream body = (MultipartReader.PartStream)
                new MultipartReader(trickle(cut), "b").next().body();
        assertThrows(MalformedMultipartException.class, () -> body.transferTo(OutputStream.nullOutputStream(), 5000));
    }

    @Test
    void findsEveryDelimiterWhateverPiecesOfItTheBodiesHoldAndHoweverTheBytesArrive() throws IOException {
        String boundary = "b0undary-7f3a";
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            byte[][] parts = new byte[1 + random.nextInt(4)][];
            for (int p = 0; p < parts.length; p++) {
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                int pieces = random.nextInt(40);
                for (int k = 0; k < pieces; k++) {
                    // Never ASCII, so noise can never join two pieces into a whole delimiter.
                    byte[] noise = new byte[1 + random.nextInt(300)];
                    random.nextBytes(noise);
                    for (int i = 0; i < noise.length; i++) {
                        noise[i] |= (byte) 0x80;
                    }
                    part.writeBytes(noise);
                    // Any proper prefix or suffix of the delimiter, or its middle, but never all of it.
                    int from = random.nextInt(delimiter.length);
                    int to = from + 1 + random.nextInt(delimiter.length - from);
                    if (to - from < delimiter.length) {
                        part.write(delimiter, from, to - from);
                    }
                }
                parts[p] = part.toByteArray();
            }
            int chunk = 1 + random.nextInt(100);
            InputStream in = new ByteArrayInputStream(body(boundary, parts)) {
                @Override
                public synchronized int read(byte[] buf, int off, int len) {
                    return super.read(buf, off, Math.min(len, chunk));
                }
            };
            List<byte[]> read = readAll(in, boundary);
            assertEquals(parts.length, read.size(), "round " + round);
            for (int p = 0; p < parts.length; p++) {
                assertArrayEquals(parts[p], read.get(p), "round " + round + ", part " + p);
            }
        }
    }

    @Test
    void readsPartHeadersCaseInsensitively() throws IOException {
        String text = "preamble\r\n--xyz\r\nCONTENT-TYPE: application/dicom+json\n\r\n{}\r\n--xyz--";
        MultipartReader reader =
                new MultipartReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "xyz");
        MultipartReader.Part part = reader.next();
        assertEquals("application/dicom+json", part.header("Content-Type"));
        assertEquals("{}", new String(part.body().readAllBytes(), StandardCharsets.US_ASCII));
        assertNull(reader.next());
    }

    @Test
    void skipsUnreadPartBodies() throws IOException {
        byte[] data = body("b1", new byte[] {1, 2, 3}, new byte[] {4, 5});
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(data), "b1");
        reader.next();
        assertArrayEquals(new byte[] {4, 5}, reader.next().body().readAllBytes());
        assertNull(reader.next());
    }

    @Test
    void failsWhenTheBodyIsCutOffInsideAPart() {
        byte[] full = body("b1", new byte[1000]);
        byte[] cut = java.util.Arrays.copyOf(full, 600);
        assertThrows(MalformedMultipartException.class, () -> readAll(new ByteArrayInputStream(cut), "b1"));
    }

    @Test
    void failsWhenTheBoundaryIsWrong() {
        byte[] data = body("right", new byte[] {1});
        assertThrows(MalformedMultipartException.class, () -> readAll(new ByteArrayInputStream(data), "wrong"));
    }

    @Test
    void failsOnAnEmptyBody() {
        assertThrows(MalformedMultipartException.class, () -> readAll(new ByteArrayInputStream(new byte[0]), "b"));
    }

    @Test
    void parsesMediaTypesQuotedOrNotInAnyOrder() {
        MediaType a = MediaType.parse("multipart/related; type=\"application/dicom\"; boundary=\"a b;c\"");
        MediaType b = MediaType.parse("Multipart/Related;boundary=abc;type=application/dicom");
        assertEquals("multipart/related", a.essence());
        assertEquals("a b;c", a.parameter("boundary"));
        assertEquals("application/dicom", a.parameter("TYPE"));
        assertEquals("abc", b.parameter("boundary"));
        assertEquals("application/dicom", b.parameter("type"));
    }
}
