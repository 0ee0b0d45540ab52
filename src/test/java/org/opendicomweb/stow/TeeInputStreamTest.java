package org.opendicomweb.stow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opendicomweb.web.multipart.MultipartReader;

class TeeInputStreamTest {

    private static InputStream part(byte[] content) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("--b\r\nContent-Type: application/dicom\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return new MultipartReader(new ByteArrayInputStream(body.toByteArray()), "b")
                .next()
                .body();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void copiesWhatIsReadSkippedAndDrainedInOrder() throws IOException {
        for (boolean multipart : new boolean[] {true, false}) {
            byte[] content = random(700_000);
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            TeeInputStream tee =
                    new TeeInputStream(multipart ? part(content) : new ByteArrayInputStream(content), copy);
            byte[] head = new byte[1000];
            assertEquals(1000, tee.readNBytes(head, 0, head.length));
            assertEquals(500_000, tee.skipExactly(500_000));
            assertEquals(content[501_000] & 0xFF, tee.read());
            tee.drain();
            assertArrayEquals(content, copy.toByteArray(), multipart ? "multipart part" : "plain stream");
            assertEquals(content.length, tee.count());
        }
    }

    @Test
    void skipsNoFurtherThanThePartsEnd() throws IOException {
        byte[] content = random(10_000);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        TeeInputStream tee = new TeeInputStream(part(content), copy);
        assertEquals(10_000, tee.skipExactly(50_000));
        assertEquals(-1, tee.read());
        assertArrayEquals(content, copy.toByteArray());
    }

    @Test
    void aFailingCopyIsASinkFaultWhenSkipping() throws IOException {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        TeeInputStream tee = new TeeInputStream(part(random(100_000)), failing);
        TeeInputStream.SinkException e =
                assertThrows(TeeInputStream.SinkException.class, () -> tee.skipExactly(90_000));
        assertEquals("disk full", e.getCause().getMessage());
    }
}
