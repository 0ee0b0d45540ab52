package org.opendicomweb.wado;

import java.io.IOException;
import java.io.InputStream;
import org.jboss.logging.Logger;
import org.opendicomweb.imaging.DecodedFrame;
import org.opendicomweb.imaging.FrameDecoder;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.storage.StorageUnavailableException;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.DicomwebException;

/**
 * Decodes one stored compressed frame for a response. A frame that cannot be decoded is a fault of the stored data,
 * not of the server: when nothing was sent yet the answer is a 406 naming the instance and the frame (this server
 * has no acceptable representation of it, while the stored codestream is still there for {@code transfer-syntax=*}),
 * never a 500 (CLIENTS.md); later in a response {@link org.opendicomweb.web.StreamingBody} aborts the transfer. Either
 * way the frame is logged as a warning for whoever looks after the archive.
 */
final class FrameDecoding {
    private static final Logger LOG = Logger.getLogger(FrameDecoding.class);

    private FrameDecoding() {}

    static DecodedFrame decode(FrameDecoder decoder, FrameTable table, ReadableBlob blob, int k, StoredFile file) {
        try (InputStream in = table.codestream(blob, k)) {
            DecodedFrame d = decoder.decode(table.description, in);
            if (d.pixels().length != d.description().frameLength()) {
                throw new IOException("it decoded to " + d.pixels().length + " bytes instead of "
                        + d.description().frameLength());
            }
            return d;
        } catch (StorageUnavailableException | DicomwebException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Codecs meet corrupt data with unchecked exceptions too; every failure is reported the same way.
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            LOG.warnf(
                    "Stored frame %d of instance %s (study %s, series %s) cannot be decoded from %s: %s",
                    k + 1, file.instance(), file.study(), file.series(), table.syntax.uid(), why);
            throw new DicomwebException(
                    406,
                    "Frame " + (k + 1) + " of instance " + file.instance() + " (study "
                            + file.study() + ", series " + file.series() + ") cannot be decoded from "
                            + table.syntax.uid() + ": "
                            + why + "; its stored codestream is still sent to clients that accept transfer-syntax=*",
                    e);
        }
    }
}
