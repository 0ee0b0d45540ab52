package org.opendicomweb.web.multipart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a multipart/related body (RFC 2387, PS3.18 §8.6.1.2) part by part onto a stream, so that a response of
 * any size is never held in memory. The caller writes each part's bytes between {@link #startPart} calls and
 * ends with {@link #finish}. Imports only java.*.
 *
 * <p>The boundary is random per response: 128 random bits make it practically impossible for a DICOM file
 * or a compressed frame to contain it, so the bodies are never scanned.
 */
public final class MultipartWriter {
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final byte[] delimiter;
    private boolean started;

    public MultipartWriter(OutputStream out, String boundary) {
        this.out = out;
        this.delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    /** A fresh boundary: 32 hex digits of randomness. */
    public static String newBoundary() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The response Content-Type, e.g. {@code multipart/related; type="application/dicom"; boundary=...}. */
    public static String contentType(String rootType, String boundary) {
        return "multipart/related; type=\"" + rootType + "\"; boundary=" + boundary;
    }

    /**
     * Starts a part with these headers; its body is whatever is written to {@link #body()} until the next
     * call.
     *
     * @param contentType the part's Content-Type
     * @param contentLocation the part's Content-Location, or {@code null} for none
     */
    public void startPart(String contentType, String contentLocation) throws IOException {
        startPart(contentType, contentLocation, null);
    }

    /**
     * Starts a part that carries one byte range of a value (a multipart/byteranges part, RFC 9110 §14.6, or a
     * range of bulk data in multipart/related).
     *
     * @param contentRange the part's Content-Range, or {@code null} for none
     */
    public void startPart(String contentType, String contentLocation, String contentRange) throws IOException {
        if (started) {
            out.write(CRLF);
        }
        started = true;
        out.write(delimiter);
        out.write(CRLF);
        header("Content-Type", contentType);
        if (contentLocation != null) {
            header("Content-Location", contentLocation);
        }
        if (contentRange != null) {
            header("Content-Range", contentRange);
        }
        out.write(CRLF);
    }

    /** Where the current part's bytes go. */
    public OutputStream body() {
        return out;
    }

    /** Writes the closing delimiter; the body is complete only after this. */
    public void finish() throws IOException {
        if (started) {
            out.write(CRLF);
        }
        out.write(delimiter);
        out.write('-');
        out.write('-');
        out.write(CRLF);
        out.flush();
    }

    private void header(String name, String value) throws IOException {
        out.write((name + ": " + value).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
    }
}
