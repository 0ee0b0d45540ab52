package org.opendicomweb.wado;

import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;

/**
 * How a bulk data value is sent (PS3.18 §8.7.2): as {@code multipart/related; type="application/octet-stream"}
 * with one part, or as a plain {@code application/octet-stream} body (which honours Range), whichever the
 * Accept header prefers; no Accept or a wildcard gets the plain body.
 */
final class BulkDataNegotiation {
    private BulkDataNegotiation() {}

    /** True for multipart, false for a plain body; 406 when neither is accepted. */
    static boolean multipart(String accept) {
        for (MediaType range : AcceptHeader.parse(accept).ranges()) {
            if (range.is("*/*") || range.is("application/*") || range.is(FrameService.OCTET_STREAM)) {
                return false;
            }
            if (range.is("multipart/related") || range.is("multipart/*")) {
                String type = range.parameter("type");
                if (type == null || isOctetStream(type)) {
                    return true;
                }
            }
        }
        throw DicomwebException.notAcceptable("Bulk data is sent as " + FrameService.OCTET_STREAM
                + " or multipart/related; type=\"" + FrameService.OCTET_STREAM + "\"; Accept was: " + accept);
    }

    private static boolean isOctetStream(String type) {
        try {
            return AcceptHeader.covers(MediaType.parse(type), FrameService.OCTET_STREAM);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
