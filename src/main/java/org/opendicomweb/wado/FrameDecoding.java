package org.opendicomweb.wado;

import java.io.IOException;
import java.io.InputStream;
import org.opendicomweb.imaging.DecodedFrame;
import org.opendicomweb.imaging.FrameDecoder;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.storage.StorageUnavailableException;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.DicomwebException;

/**
 * Decodes one stored compressed frame for a response. A frame that cannot be decoded is a 500 naming the instance
 * and the frame, mapped and logged once by the error mapper when nothing was sent yet; later in a response
 * {@link org.opendicomweb.web.StreamingBody} logs it and aborts the transfer.
 */
final class FrameDecoding {
    private FrameDecoding() {}

    static DecodedFrame decode(FrameDecoder decoder, FrameTable table, ReadableBlob blob, int k, StoredFile file) {
        try (InputStream in = table.codestream(blob, k)) {
            DecodedFrame d = decoder.decode(table.description, in);
            if (d.pixels().length != d.description().frameLength()) {
                throw new IOException("it decoded to " + d.pixels().length + " bytes instead of " + d.description().frameLength());
            }
            return d;
        } catch (StorageUnavailableException | DicomwebException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Codecs meet corrupt data with unchecked exceptions too; every failure is reported the same way.
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            throw new DicomwebException(500, "Frame " + (k + 1) + " of instance " + file.instance() + " (study "
                    + file.study() + ", series " + file.series() + ") cannot be decoded from " + table.syntax.uid() + ": "
                    + why + "; its stored codestream is still sent to clients that accept transfer-syntax=*", e);
        }
    }
}
