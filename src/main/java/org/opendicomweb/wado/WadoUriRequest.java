package org.opendicomweb.wado;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.imaging.Framing;
import org.opendicomweb.imaging.ImageEncoder;
import org.opendicomweb.imaging.SourceRegion;
import org.opendicomweb.imaging.VoiFunction;
import org.opendicomweb.imaging.VoiWindow;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.UidParam;

/**
 * The query of a WADO-URI request (PS3.18 §9, the parameters of §9.1.2 and the rendering ones of §8.2), checked
 * as a whole: a missing or malformed parameter, or one that does not go with the others (rows with
 * application/dicom, a window center without a width), is a 400 that names it. Parameters the standard does not
 * define are ignored.
 *
 * @param target the instance named by studyUID, seriesUID and objectUID
 * @param contentType the contentType parameter (a media type list, possibly with q-values), or {@code null}
 * @param transferSyntax the transferSyntax parameter, or {@code null} for Explicit VR Little Endian
 * @param frameNumber the frameNumber parameter, or {@code null}
 * @param rendering window, region, size, quality and what is not applied
 * @param renderingParameters the rendering parameters given, by name (they must not come with application/dicom)
 */
record WadoUriRequest(
        RetrieveTarget target,
        String contentType,
        String transferSyntax,
        Integer frameNumber,
        RenderedParameters rendering,
        List<String> renderingParameters) {

    static WadoUriRequest parse(MultivaluedMap<String, String> query) {
        String requestType = RenderedParameters.single(query, "requestType");
        if (requestType == null) {
            throw DicomwebException.badRequest(
                    "The requestType parameter is missing; WADO-URI requests need requestType=WADO");
        }
        if (!requestType.equals("WADO")) {
            throw DicomwebException.badRequest("Unknown requestType '" + requestType + "': only WADO is supported");
        }
        RetrieveTarget target =
                RetrieveTarget.of(uid(query, "studyUID"), uid(query, "seriesUID"), uid(query, "objectUID"));
        String anonymize = RenderedParameters.single(query, "anonymize");
        if (anonymize != null) {
            throw DicomwebException.badRequest(
                    "anonymize=" + anonymize + " is not supported: this server does not de-identify");
        }
        for (String presentation : List.of("presentationUID", "presentationSeriesUID")) {
            if (query.containsKey(presentation)) {
                throw DicomwebException.badRequest(
                        presentation + " is not supported: presentation states are not applied");
            }
        }
        List<String> given = new ArrayList<>();
        for (String name :
                List.of("annotation", "rows", "columns", "region", "windowCenter", "windowWidth", "imageQuality")) {
            if (query.containsKey(name)) {
                given.add(name);
            }
        }
        List<String> notApplied = new ArrayList<>();
        RenderedParameters.checkAnnotation(RenderedParameters.single(query, "annotation"), notApplied);
        Integer rows = optionalInteger(query, "rows", 1, RenderedParameters.MAX_SIDE);
        Integer columns = optionalInteger(query, "columns", 1, RenderedParameters.MAX_SIDE);
        Integer frame = optionalInteger(query, "frameNumber", 1, Integer.MAX_VALUE);
        String quality = RenderedParameters.single(query, "imageQuality");
        int imageQuality = quality == null
                ? ImageEncoder.DEFAULT_QUALITY
                : RenderedParameters.integer("imageQuality", quality, "imageQuality", quality, 1, 100, null);
        Framing framing = new Framing(
                region(RenderedParameters.single(query, "region")),
                columns == null ? 0 : columns,
                rows == null ? 0 : rows,
                true);
        String transferSyntax = RenderedParameters.single(query, "transferSyntax");
        if (transferSyntax != null) {
            transferSyntax = UidParam.require("transferSyntax", transferSyntax);
        }
        return new WadoUriRequest(
                target,
                RenderedParameters.single(query, "contentType"),
                transferSyntax,
                frame,
                new RenderedParameters(
                        window(query),
                        framing,
                        imageQuality,
                        null,
                        List.copyOf(notApplied),
                        RenderedParameters.NO_ICC_PROFILE),
                List.copyOf(given));
    }

    private static String uid(MultivaluedMap<String, String> query, String name) {
        String value = RenderedParameters.single(query, name);
        if (value == null || value.isBlank()) {
            throw DicomwebException.badRequest("The " + name + " parameter is missing");
        }
        return value;
    }

    private static Integer optionalInteger(MultivaluedMap<String, String> query, String name, int min, int max) {
        String value = RenderedParameters.single(query, name);
        return value == null ? null : RenderedParameters.integer(name, value, name, value, min, max, null);
    }

    /** windowCenter and windowWidth together (PS3.18 §8.2.5), a linear window. */
    private static VoiWindow window(MultivaluedMap<String, String> query) {
        String center = RenderedParameters.single(query, "windowCenter");
        String width = RenderedParameters.single(query, "windowWidth");
        if (center == null && width == null) {
            return null;
        }
        if (center == null || width == null) {
            throw DicomwebException.badRequest(
                    (center == null ? "windowWidth without windowCenter" : "windowCenter without windowWidth")
                            + ": both are needed");
        }
        double c = decimal("windowCenter", center);
        double w = decimal("windowWidth", width);
        if (!VoiWindow.valid(c, w, VoiFunction.LINEAR)) {
            throw DicomwebException.badRequest("Malformed windowWidth '" + width + "': at least 1");
        }
        return new VoiWindow(c, w, VoiFunction.LINEAR);
    }

    /** region=x1,y1,x2,y2, corners relative to the image from 0.0 to 1.0 (PS3.18 §8.2.4). */
    private static SourceRegion region(String value) {
        if (value == null) {
            return null;
        }
        String[] v = value.split(",", -1);
        if (v.length == 4) {
            double[] d = new double[4];
            boolean ok = true;
            for (int i = 0; i < 4 && ok; i++) {
                try {
                    d[i] = Double.parseDouble(v[i].trim());
                    ok = d[i] >= 0 && d[i] <= 1;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            if (ok && d[2] > d[0] && d[3] > d[1]) {
                return SourceRegion.relative(d[0], d[1], d[2], d[3]);
            }
        }
        throw DicomwebException.badRequest("Malformed region '" + value
                + "': four decimals x1,y1,x2,y2 from 0.0 to 1.0, with x2 > x1 and y2 > y1");
    }

    private static double decimal(String name, String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DicomwebException.badRequest("Malformed " + name + " '" + value + "': a decimal number");
    }
}
