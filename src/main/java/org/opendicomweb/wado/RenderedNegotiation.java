package org.opendicomweb.wado;

import org.opendicomweb.imaging.RenderedMediaType;
import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;

/**
 * The media type of a rendered answer (PS3.18 §8.7.4) from the {@code accept} query parameter, which replaces
 * the Accept header when given (§8.3.3.1), else from the header; ranges are tried in q-order.
 *
 * <ul>
 * <li>{@code image/jpeg}, {@code image/png}, {@code image/gif}; {@code image/*} and {@code *}{@code /*} mean
 *     image/jpeg.</li>
 * <li>A target of one image (a single-frame instance, one frame, a thumbnail) is answered with that image alone,
 *     or as the only part of a multipart/related body when a {@code multipart/related; type=...} range comes
 *     first.</li>
 * <li>A target of several images (study, series, a list of frames, a multi-frame instance) is answered as
 *     multipart/related, one image per part, whether the range names the part type ({@code image/png}) or the
 *     multipart type ({@code multipart/related; type="image/png"}); a multi-frame instance asked for as
 *     {@code image/gif} is one animated GIF instead.</li>
 * </ul>
 */
final class RenderedNegotiation {
    private static final RenderedMediaType DEFAULT = RenderedMediaType.JPEG;

    /** What the target holds. */
    enum Shape {
        ONE_IMAGE,
        MANY_IMAGES,
        /** The frames of one multi-frame instance: several images, or one animation. */
        FRAMES_OF_INSTANCE
    }

    /** The chosen type; {@code multipart} when the images go in parts, {@code animated} for one animated GIF. */
    record Choice(RenderedMediaType type, boolean multipart, boolean animated) {}

    private RenderedNegotiation() {}

    static Choice choose(String acceptHeader, String acceptParameter, Shape shape) {
        String accept = acceptParameter != null ? acceptParameter : acceptHeader;
        AcceptHeader ranges;
        try {
            ranges = AcceptHeader.parse(accept);
        } catch (DicomwebException e) {
            throw acceptParameter != null
                    ? DicomwebException.badRequest("Malformed accept parameter '" + acceptParameter + "'")
                    : e;
        }
        for (MediaType range : ranges.ranges()) {
            if (range.type().equals("multipart")
                    && (range.subtype().equals("related") || range.subtype().equals("*"))) {
                String type = range.parameter("type");
                RenderedMediaType part = type == null || type.isBlank() ? DEFAULT : imageType(type);
                if (part != null) {
                    return new Choice(part, true, false);
                }
                continue;
            }
            RenderedMediaType type = imageType(range);
            if (type == null) {
                continue;
            }
            return switch (shape) {
                case ONE_IMAGE -> new Choice(type, false, false);
                case MANY_IMAGES -> new Choice(type, true, false);
                case FRAMES_OF_INSTANCE ->
                    range.is(RenderedMediaType.GIF.mediaType())
                            ? new Choice(type, false, true)
                            : new Choice(type, true, false);
            };
        }
        throw DicomwebException.notAcceptable("Rendered images are available as image/jpeg, image/png and image/gif"
                + (shape == Shape.ONE_IMAGE ? "" : ", in multipart/related") + "; "
                + (acceptParameter != null
                        ? "the accept parameter was: " + acceptParameter
                        : "Accept was: " + acceptHeader));
    }

    private static RenderedMediaType imageType(String type) {
        try {
            return imageType(MediaType.parse(type.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RenderedMediaType imageType(MediaType range) {
        if (range.is("*/*") || range.is("image/*")) {
            return DEFAULT;
        }
        return RenderedMediaType.of(range.essence());
    }
}
