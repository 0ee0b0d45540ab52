package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.opendicomweb.imaging.RenderedMediaType;
import org.opendicomweb.wado.InstanceNegotiation.Delivery;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.AcceptHeader;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.MediaType;

/**
 * WADO-URI (PS3.18 §9): one instance, as the DICOM file (application/dicom, in the asked transfer syntax, through
 * the same path as WADO-RS instance retrieval) or as a rendered image (through {@link RenderedService}).
 *
 * <p>The media type comes from the contentType parameter, a list tried in order (q-values honoured); without it,
 * images are rendered as image/jpeg (a multi-frame image without frameNumber as an animated image/gif) and other
 * instances are sent as application/dicom.
 */
@ApplicationScoped
public class WadoUriService {
    private final RetrieveIndex index;
    private final InstanceLocations locations;
    private final InstanceRetrieveService instances;
    private final RenderedService rendered;

    @Inject
    WadoUriService(
            RetrieveIndex index,
            InstanceLocations locations,
            InstanceRetrieveService instances,
            RenderedService rendered) {
        this.index = index;
        this.locations = locations;
        this.instances = instances;
        this.rendered = rendered;
    }

    /** The answer: the file with its delivery, or a rendered plan. */
    public record Answer(StoredFile file, Delivery delivery, RenderedService.Plan image) {
        public String contentType() {
            return image == null ? InstanceNegotiation.APPLICATION_DICOM : image.contentType(null);
        }
    }

    public Answer answer(WadoUriRequest r) {
        List<StoredFile> files = locations.files(r.target());
        if (files.isEmpty()) {
            throw DicomwebException.notFound("No " + r.target().describe());
        }
        StoredFile file = files.get(0);
        boolean image = !index.imageFiles(r.target()).isEmpty();
        Wanted wanted = wanted(r.contentType(), image);
        if (wanted.dicom()) {
            return dicom(r, file);
        }
        if (r.transferSyntax() != null) {
            throw DicomwebException.badRequest("transferSyntax applies to contentType=application/dicom only");
        }
        if (!image) {
            throw DicomwebException.notAcceptable("Instance " + file.instance()
                    + " is not an image: it is available as " + InstanceNegotiation.APPLICATION_DICOM + " only");
        }
        return new Answer(file, null, rendered.uri(r.target(), wanted.type(), r.frameNumber(), r.rendering()));
    }

    public void write(Answer answer, OutputStream out) throws IOException {
        if (answer.image() != null) {
            rendered.write(answer.image(), null, out);
        } else {
            instances.writeOne(answer.file(), answer.delivery(), out);
        }
    }

    private Answer dicom(WadoUriRequest r, StoredFile file) {
        if (!r.renderingParameters().isEmpty()) {
            throw DicomwebException.badRequest(
                    String.join(", ", r.renderingParameters()) + " cannot be used with contentType=application/dicom");
        }
        Delivery delivery = instances.deliver(InstanceNegotiation.forSyntax(r.transferSyntax()), file);
        if (delivery == null) {
            String wanted = r.transferSyntax() == null
                    ? "Explicit VR Little Endian (the default)"
                    : "transfer syntax " + r.transferSyntax();
            throw DicomwebException.notAcceptable("Instance " + file.instance() + " is stored in "
                    + file.transferSyntaxUid() + " and cannot be sent in " + wanted);
        }
        return new Answer(file, delivery, null);
    }

    /** What contentType asks for: the DICOM file, or an image of {@code type} ({@code null}: the server's choice). */
    private record Wanted(boolean dicom, RenderedMediaType type) {
        static final Wanted DICOM = new Wanted(true, null);
        static final Wanted ANY_IMAGE = new Wanted(false, null);
    }

    /** 400 for a malformed list, 406 when nothing in it is supported. */
    private static Wanted wanted(String contentType, boolean image) {
        if (contentType == null) {
            return image ? Wanted.ANY_IMAGE : Wanted.DICOM;
        }
        AcceptHeader ranges;
        try {
            ranges = AcceptHeader.parse(contentType);
        } catch (DicomwebException e) {
            throw DicomwebException.badRequest("Malformed contentType '" + contentType + "'");
        }
        for (MediaType range : ranges.ranges()) {
            if (range.is(InstanceNegotiation.APPLICATION_DICOM)) {
                return Wanted.DICOM;
            }
            if (range.is("*/*")) {
                return image ? Wanted.ANY_IMAGE : Wanted.DICOM;
            }
            if (range.is("image/*")) {
                return new Wanted(false, RenderedMediaType.JPEG);
            }
            RenderedMediaType type = RenderedMediaType.of(range.essence());
            if (type != null) {
                return new Wanted(false, type);
            }
        }
        throw DicomwebException.notAcceptable("contentType '" + contentType
                + "' names nothing this server sends: application/dicom, image/jpeg, image/png or image/gif");
    }
}
