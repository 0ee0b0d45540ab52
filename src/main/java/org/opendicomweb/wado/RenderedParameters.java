package org.opendicomweb.wado;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opendicomweb.imaging.Framing;
import org.opendicomweb.imaging.ImageEncoder;
import org.opendicomweb.imaging.SourceRegion;
import org.opendicomweb.imaging.VoiFunction;
import org.opendicomweb.imaging.VoiWindow;
import org.opendicomweb.web.DicomwebException;

/**
 * The query parameters of the rendered and thumbnail resources (PS3.18 §8.3.5.1), parsed and checked: a
 * malformed value is a 400 naming the parameter; parameters the standard defines for other resources, and
 * unknown ones, are ignored, as §8.3.5.1 allows.
 *
 * @param window the client's VOI window, or {@code null}
 * @param framing the source region and output bounds
 * @param quality the JPEG quality, 1 to 100
 * @param accept the {@code accept} query parameter, which replaces the Accept header (§8.3.3.1), or {@code null}
 * @param notApplied what was asked for but is not done, for Warning headers
 * @param iccProfile the iccprofile parameter in lower case: {@code no} (the default), {@code yes}, {@code srgb},
 *     {@code adobergb} or {@code rommrgb}
 */
record RenderedParameters(
        VoiWindow window, Framing framing, int quality, String accept, List<String> notApplied, String iccProfile) {
    static final String NO_ICC_PROFILE = "no";
    static final String OWN_ICC_PROFILE = "yes";
    static final String SRGB = "srgb";

    /** The longest side a client may ask for: a 4096 x 4096 colour image is 48 MiB before encoding. */
    static final int MAX_SIDE = 4096;
    /** Thumbnails fit in this square unless the viewport says otherwise; smaller images are not enlarged. */
    static final int THUMBNAIL_SIDE = 128;

    private static final Set<String> ANNOTATIONS = Set.of("patient", "technique");
    private static final Set<String> ICC_PROFILES = Set.of("no", "yes", "srgb", "adobergb", "rommrgb");

    /** The parameters of a rendered resource: accept, annotation, quality, viewport, window, iccprofile. */
    static RenderedParameters forRendered(MultivaluedMap<String, String> query) {
        List<String> notApplied = new ArrayList<>();
        checkAnnotation(single(query, "annotation"), notApplied);
        String given = single(query, "iccprofile");
        String icc = given == null ? NO_ICC_PROFILE : given.trim().toLowerCase(Locale.ROOT);
        if (!ICC_PROFILES.contains(icc)) {
            throw DicomwebException.badRequest(
                    "Malformed iccprofile '" + given + "': one of no, yes, srgb, adobergb, rommrgb");
        }
        if (!icc.equals(NO_ICC_PROFILE) && !icc.equals(OWN_ICC_PROFILE) && !icc.equals(SRGB)) {
            notApplied.add("iccprofile=" + given + " is not supported (this server has no such profile): no ICC profile"
                    + " is embedded");
        }
        return new RenderedParameters(
                window(single(query, "window")),
                viewport(single(query, "viewport")),
                quality(single(query, "quality")),
                accept(query),
                List.copyOf(notApplied),
                icc);
    }

    /**
     * annotation=patient,technique (PS3.18 §8.3.5.1.1; WADO-URI's annotation): checked, then noted in
     * {@code notApplied}, since images are rendered without annotations.
     */
    static void checkAnnotation(String annotation, List<String> notApplied) {
        if (annotation == null) {
            return;
        }
        for (String a : annotation.split(",", -1)) {
            if (!ANNOTATIONS.contains(a.trim().toLowerCase(Locale.ROOT))) {
                throw DicomwebException.badRequest("Malformed annotation '" + annotation
                        + "': a comma-separated list of 'patient' and 'technique'");
            }
        }
        notApplied.add("annotation=" + annotation + " is not supported: rendered without annotations");
    }

    /** The parameters of a thumbnail resource: accept and a viewport of vw,vh only; others are ignored. */
    static RenderedParameters forThumbnail(MultivaluedMap<String, String> query) {
        String viewport = single(query, "viewport");
        Framing framing = new Framing(null, THUMBNAIL_SIDE, THUMBNAIL_SIDE, false);
        if (viewport != null) {
            framing = viewport(viewport);
            if (framing.region() != null) {
                throw DicomwebException.badRequest(
                        "Malformed viewport '" + viewport + "': a thumbnail's viewport is vw,vh only");
            }
        }
        return new RenderedParameters(
                null, framing, ImageEncoder.DEFAULT_QUALITY, accept(query), List.of(), NO_ICC_PROFILE);
    }

    /** window=center,width[,function]; the function defaults to linear (PS3.18 §8.3.5.1.4, PS3.3 §C.11.2.1.3). */
    static VoiWindow window(String value) {
        if (value == null) {
            return null;
        }
        String[] v = value.split(",", -1);
        String problem = null;
        if (v.length < 2 || v.length > 3) {
            problem = "expected center,width,function";
        } else {
            try {
                double center = Double.parseDouble(v[0].trim());
                double width = Double.parseDouble(v[1].trim());
                VoiFunction function = v.length == 3 ? VoiFunction.ofParameter(v[2]) : VoiFunction.LINEAR;
                if (function == null) {
                    problem = "the function is one of linear, linear-exact, sigmoid";
                } else if (!VoiWindow.valid(center, width, function)) {
                    problem = function == VoiFunction.LINEAR
                            ? "a linear window's width is at least 1"
                            : "the width must be above 0";
                } else {
                    return new VoiWindow(center, width, function);
                }
            } catch (NumberFormatException e) {
                problem = "center and width are decimal numbers";
            }
        }
        throw DicomwebException.badRequest("Malformed window '" + value + "': " + problem);
    }

    /**
     * viewport=vw,vh[,sx,sy,sw,sh]: the output bounds, then optionally the source region in pixels, any of whose
     * four values may be left empty (sx, sy: 0; sw, sh: to the image's edge; negative sw, sh: flipped).
     */
    static Framing viewport(String value) {
        if (value == null) {
            return Framing.NATIVE;
        }
        String[] v = value.split(",", -1);
        if (v.length != 2 && v.length != 6) {
            throw DicomwebException.badRequest(
                    "Malformed viewport '" + value + "': expected vw,vh or vw,vh,sx,sy,sw,sh");
        }
        int vw = integer("viewport", value, "vw", v[0], 1, MAX_SIDE, null);
        int vh = integer("viewport", value, "vh", v[1], 1, MAX_SIDE, null);
        SourceRegion region = null;
        if (v.length == 6) {
            int sx = integer("viewport", value, "sx", v[2], 0, Integer.MAX_VALUE, 0);
            int sy = integer("viewport", value, "sy", v[3], 0, Integer.MAX_VALUE, 0);
            Integer sw = v[4].isBlank()
                    ? null
                    : integer("viewport", value, "sw", v[4], -Integer.MAX_VALUE, Integer.MAX_VALUE, null);
            Integer sh = v[5].isBlank()
                    ? null
                    : integer("viewport", value, "sh", v[5], -Integer.MAX_VALUE, Integer.MAX_VALUE, null);
            if ((sw != null && sw == 0) || (sh != null && sh == 0)) {
                throw DicomwebException.badRequest("Malformed viewport '" + value + "': sw and sh must not be 0");
            }
            region = SourceRegion.pixels(sx, sy, sw, sh);
        }
        return new Framing(region, vw, vh, true);
    }

    static int quality(String value) {
        return value == null ? ImageEncoder.DEFAULT_QUALITY : integer("quality", value, "quality", value, 1, 100, null);
    }

    /** An integer in [min, max]; an empty value is {@code absent} when that is not null. */
    static int integer(String parameter, String whole, String name, String value, int min, int max, Integer absent) {
        String s = value.trim();
        if (s.isEmpty() && absent != null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String range = max == Integer.MAX_VALUE
                ? (min == 0 ? "a non-negative integer" : "an integer")
                : "an integer from " + min + " to " + max;
        throw DicomwebException.badRequest(
                "Malformed " + parameter + " '" + whole + "': " + name + " must be " + range);
    }

    /** The one value of a parameter, {@code null} when absent; 400 when it is given twice. */
    static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw DicomwebException.badRequest("The " + name + " parameter is given " + values.size() + " times");
        }
        return values.get(0);
    }

    /** The accept query parameter's media types, one or several parameters, each a comma-separated list. */
    private static String accept(MultivaluedMap<String, String> query) {
        List<String> values = query.get("accept");
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
