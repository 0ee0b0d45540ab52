package org.opendicomweb.wado;

import java.io.IOException;
import java.io.OutputStream;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.imaging.DecodedFrame;
import org.opendicomweb.imaging.FrameDecoder;
import org.opendicomweb.imaging.FrameDecoders;
import org.opendicomweb.imaging.FrameEncoder;
import org.opendicomweb.imaging.PixelDescription;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.DicomwebException;

/**
 * Compresses the frames of a stored instance into another syntax for a response: each frame is first made native
 * (copied out of native pixel data or Encapsulated Uncompressed fragments, or decoded from its compressed
 * codestream) and then encoded, one frame in memory at a time.
 */
final class FrameEncoding {
    private FrameEncoding() {}

    /**
     * Why the frames of {@code table} cannot be encoded by {@code encoder}, or {@code null} when they can: Float
     * Pixel Data is never encapsulated (PS3.5 §A.4), compressed frames need a decoder, and the encoder must take
     * the layout the frames come in. Decoders hand subsampled or YBR colour over as RGB, so that layout is judged.
     */
    static String refusal(FrameTable table, FrameEncoder encoder) {
        if (table.floatPixels) {
            return "Float and Double Float Pixel Data cannot be encapsulated";
        }
        if (table.frames != table.description.numberOfFrames()) {
            return "it has " + table.description.numberOfFrames() + " frames, of which " + table.frames
                    + " can be told apart in its pixel data";
        }
        PixelDescription d = table.description;
        if (decoded(table)) {
            if (FrameDecoders.forSyntax(table.syntax.uid()).isEmpty()) {
                return "this server has no decoder for " + table.syntax.uid();
            }
            d = d.samplesPerPixel() == 3 ? d.withColour("RGB", 0) : d;
        }
        return encoder.refusal(d);
    }

    /** Frame {@code k} (0-based) as native pixels, with the layout they have. */
    static DecodedFrame nativeFrame(FrameTable table, ReadableBlob blob, int k, StoredFile file) throws IOException {
        if (decoded(table)) {
            FrameDecoder decoder = FrameDecoders.forSyntax(table.syntax.uid()).orElseThrow();
            return FrameDecoding.decode(decoder, table, blob, k, file);
        }
        FrameBuffer pixels = new FrameBuffer(Math.toIntExact((table.frameBits + 7) / 8));
        FrameService.writeFrame(blob, table, k, table.encapsulated(), pixels);
        if (pixels.size != pixels.bytes.length) {
            throw new IOException("Frame " + (k + 1) + " of instance " + file.instance() + " has " + pixels.size
                    + " bytes stored, " + pixels.bytes.length + " expected");
        }
        return new DecodedFrame(table.description, pixels.bytes);
    }

    /** One frame's bytes, written into an array of its known size (no copy when it is full). */
    private static final class FrameBuffer extends OutputStream {
        final byte[] bytes;
        int size;

        FrameBuffer(int length) {
            bytes = new byte[length];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > bytes.length - size) {
                throw new IOException("a frame longer than its " + bytes.length + " bytes");
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }
    }

    /** Encodes one native frame; a layout the encoder refuses (a decoder's surprise) is a 500 naming the frame. */
    static byte[] encode(FrameEncoder encoder, DecodedFrame frame, int k, StoredFile file, String syntax) {
        String refusal = encoder.refusal(frame.description());
        if (refusal != null) {
            throw new DicomwebException(
                    500,
                    "Frame " + (k + 1) + " of instance " + file.instance() + " (study " + file.study() + ", series "
                            + file.series() + ") cannot be compressed into " + syntax + ": " + refusal);
        }
        return encoder.encode(frame.description(), frame.pixels());
    }

    /** The frames are compressed codestreams, not Encapsulated Uncompressed fragments that hold native pixels. */
    private static boolean decoded(FrameTable table) {
        return table.encapsulated() && !table.syntax.uid().equals(TransferSyntax.ENCAPSULATED_UNCOMPRESSED);
    }
}
