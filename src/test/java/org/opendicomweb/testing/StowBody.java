package org.opendicomweb.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A STOW-RS request body (PS3.18 §10.5): DICOM files as the parts of one multipart/related body. */
public final class StowBody {
    private StowBody() {}

    /** The Content-Type of a body made by {@link #of} with this boundary. */
    public static String contentType(String boundary) {
        return "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
    }

    /** The files, each an application/dicom part, in the order given. */
    public static byte[] of(String boundary, List<byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : files) {
            out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(f);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The built files, each an application/dicom part, in the order given. */
    public static byte[] of(String boundary, DicomFiles.Builder... files) {
        return of(
                boundary, Arrays.stream(files).map(DicomFiles.Builder::toBytes).toList());
    }
}
