package org.opendicomweb.wado;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.UidRegistry;
import org.opendicomweb.dicom.io.DicomInputStream;
import org.opendicomweb.imaging.ColourProfiles;
import org.opendicomweb.imaging.DecodedFrame;
import org.opendicomweb.imaging.FrameDecoder;
import org.opendicomweb.imaging.FrameDecoders;
import org.opendicomweb.imaging.FrameRenderer;
import org.opendicomweb.imaging.ImageEncoder;
import org.opendicomweb.imaging.PixelDescription;
import org.opendicomweb.imaging.RenderedMediaType;
import org.opendicomweb.imaging.RenderingAttributes;
import org.opendicomweb.imaging.UnrenderableImageException;
import org.opendicomweb.storage.BlobStore;
import org.opendicomweb.storage.ReadableBlob;
import org.opendicomweb.wado.RenderedNegotiation.Choice;
import org.opendicomweb.wado.RenderedNegotiation.Shape;
import org.opendicomweb.wado.RetrieveIndex.StoredFile;
import org.opendicomweb.web.DicomwebException;
import org.opendicomweb.web.multipart.MultipartWriter;

/**
 * Rendered and thumbnail resources of WADO-RS (PS3.18 §10.4) and the rendered answers of WADO-URI (§9): finds
 * the stored images, checks before anything is sent that each can be rendered as asked, then renders frame by
 * frame while writing, so only one frame is in memory at a time.
 *
 * <p>Frames are read through the same {@link FrameTable} as Retrieve Frames; native frames become a
 * {@link DecodedFrame} as they are, compressed ones go through the decoder {@link FrameDecoders} has for their
 * transfer syntax. An image stored in a syntax without a decoder is not renderable: alone it is a 406 naming the
 * syntax, within a study or series it is left out (206 with a Warning).
 */
@ApplicationScoped
public class RenderedService {
    /** LUT data up to this size is read into memory with the header (a 16-bit palette channel is 128 KiB). */
    private static final int HEADER_VALUES_INLINE = 512 * 1024;

    private static final int CACHED_ATTRIBUTES = 1024;
    /** Animations of files that give no frame time run at 10 frames per second. */
    private static final double DEFAULT_FRAME_MILLIS = 100;

    private final RetrieveIndex index;
    private final InstanceLocations locations;
    private final BlobStore blobs;
    private final FrameService frames;
    private final Map<String, RenderingAttributes> attributes =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RenderingAttributes> eldest) {
                    return size() > CACHED_ATTRIBUTES;
                }
            });

    @Inject
    RenderedService(RetrieveIndex index, InstanceLocations locations, BlobStore blobs, FrameService frames) {
        this.index = index;
        this.locations = locations;
        this.blobs = blobs;
        this.frames = frames;
    }

    /** A stored image ready to render, and which of its frames (0-based) to render. */
    record Source(StoredFile file, FrameTable table, RenderingAttributes attributes, List<Integer> frames) {}

    /** What will be sent: the images, how, and what was left out or not applied (for Warning headers). */
    public record Plan(
            List<Source> sources, Choice choice, RenderedParameters parameters, int status, List<String> warnings) {
        public Plan {
            warnings = withIccWarnings(sources, choice, parameters, warnings);
        }

        public String contentType(String boundary) {
            String type = choice.type().mediaType();
            return choice.multipart() ? MultipartWriter.contentType(type, boundary) : type;
        }
    }

    /** An instance: its one frame, or all frames of a multi-frame instance (parts, or one animated GIF). */
    public Plan instance(RetrieveTarget target, String accept, RenderedParameters p) {
        Source s = single(firstFile(target), p);
        Shape shape = s.table().frames > 1 ? Shape.FRAMES_OF_INSTANCE : Shape.ONE_IMAGE;
        Choice choice = RenderedNegotiation.choose(accept, p.accept(), shape);
        return new Plan(List.of(withFrames(s, allFrames(s.table()))), choice, p, 200, p.notApplied());
    }

    /** Listed frames of an instance; frames past the last are left out (206), none existing is a 404. */
    public Plan frames(RetrieveTarget target, String frameList, String accept, RenderedParameters p) {
        List<Integer> requested = FrameService.parseFrameList(frameList);
        Source s = single(firstFile(target), p);
        List<Integer> present = new ArrayList<>();
        for (int n : requested) {
            if (n <= s.table().frames) {
                present.add(n - 1);
            }
        }
        if (present.isEmpty()) {
            throw DicomwebException.notFound(
                    "The " + target.describe() + " has " + s.table().frames + " frame(s); asked for " + frameList);
        }
        Choice choice = RenderedNegotiation.choose(
                accept, p.accept(), requested.size() == 1 ? Shape.ONE_IMAGE : Shape.MANY_IMAGES);
        List<String> warnings = new ArrayList<>(p.notApplied());
        int missing = requested.size() - present.size();
        if (missing > 0) {
            warnings.add(missing + " requested frame(s) do not exist");
        }
        return new Plan(List.of(withFrames(s, present)), choice, p, missing == 0 ? 200 : 206, warnings);
    }

    /** Every frame of every image of a study or series, in order; images that cannot be rendered are left out. */
    public Plan collection(RetrieveTarget target, String accept, RenderedParameters p) {
        Choice choice = RenderedNegotiation.choose(accept, p.accept(), Shape.MANY_IMAGES);
        List<StoredFile> files = imageFiles(target);
        List<Source> sources = new ArrayList<>(files.size());
        String firstProblem = null;
        for (StoredFile f : files) {
            try {
                Source s = prepare(f, p);
                sources.add(withFrames(s, allFrames(s.table())));
            } catch (NotRenderable e) {
                firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
            }
        }
        if (sources.isEmpty()) {
            throw DicomwebException.notAcceptable("None of the " + files.size() + " image(s) of " + target.describe()
                    + " can be rendered; " + firstProblem);
        }
        List<String> warnings = new ArrayList<>(p.notApplied());
        int leftOut = files.size() - sources.size();
        if (leftOut > 0) {
            warnings.add(leftOut + " image(s) left out because they cannot be rendered; " + firstProblem);
        }
        return new Plan(sources, choice, p, leftOut == 0 ? 200 : 206, warnings);
    }

    /**
     * One small image standing for the target: for a study the middle image of its first series with images,
     * for a series its middle image, for an instance its middle frame, for a frame list its first existing
     * frame. When that image cannot be rendered, the nearest one in its series that can is taken, else the first
     * one of the following series.
     */
    public Plan thumbnail(RetrieveTarget target, String frameList, String accept, RenderedParameters p) {
        Choice choice = RenderedNegotiation.choose(accept, p.accept(), Shape.ONE_IMAGE);
        if (target.level() == RetrieveTarget.Level.INSTANCE) {
            Source s = single(firstFile(target), p);
            int frame = s.table().frames / 2;
            if (frameList != null) {
                frame = -1;
                for (int n : FrameService.parseFrameList(frameList)) {
                    if (n <= s.table().frames) {
                        frame = n - 1;
                        break;
                    }
                }
                if (frame < 0) {
                    throw DicomwebException.notFound("The " + target.describe() + " has " + s.table().frames
                            + " frame(s); asked for " + frameList);
                }
            }
            return new Plan(List.of(withFrames(s, List.of(frame))), choice, p, 200, List.of());
        }
        List<StoredFile> files = imageFiles(target);
        String series = files.get(0).series();
        List<StoredFile> first =
                files.stream().filter(f -> f.series().equals(series)).toList();
        List<StoredFile> candidates = new ArrayList<>(files.size());
        fromMiddle(first.size()).forEach(k -> candidates.add(first.get(k)));
        candidates.addAll(files.subList(first.size(), files.size()));
        String firstProblem = null;
        for (StoredFile candidate : candidates) {
            try {
                Source s = prepare(candidate, p);
                return new Plan(List.of(withFrames(s, List.of(s.table().frames / 2))), choice, p, 200, List.of());
            } catch (NotRenderable e) {
                firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
            }
        }
        throw DicomwebException.notAcceptable("No image of " + target.describe() + " can be rendered; " + firstProblem);
    }

    /**
     * WADO-URI (PS3.18 §9): one image of an instance. {@code frameNumber} picks a frame, and is a 400 for a
     * single-frame instance or past the last frame (§9.5.2). Without it a GIF of a multi-frame instance holds all
     * frames as an animation and other types show the first frame.
     *
     * @param type the media type, or {@code null} for the default: image/jpeg, animated image/gif for a
     *     multi-frame instance without a frame number
     */
    public Plan uri(RetrieveTarget target, RenderedMediaType type, Integer frameNumber, RenderedParameters p) {
        Source s = single(firstFile(target), p);
        int count = s.table().frames;
        if (frameNumber != null) {
            if (count < 2) {
                throw DicomwebException.badRequest("frameNumber=" + frameNumber + ": instance " + target.instance()
                        + " is not a multi-frame image");
            }
            if (frameNumber > count) {
                throw DicomwebException.badRequest(
                        "frameNumber=" + frameNumber + ": instance " + target.instance() + " has " + count + " frames");
            }
            Choice choice = new Choice(type == null ? RenderedMediaType.JPEG : type, false, false);
            return new Plan(List.of(withFrames(s, List.of(frameNumber - 1))), choice, p, 200, p.notApplied());
        }
        if (count > 1 && (type == null || type == RenderedMediaType.GIF)) {
            return new Plan(
                    List.of(withFrames(s, allFrames(s.table()))),
                    new Choice(RenderedMediaType.GIF, false, true),
                    p,
                    200,
                    p.notApplied());
        }
        Choice choice = new Choice(type == null ? RenderedMediaType.JPEG : type, false, false);
        return new Plan(List.of(withFrames(s, List.of(0))), choice, p, 200, p.notApplied());
    }

    /** Writes the plan's images: one image, one animated GIF, or multipart/related with {@code boundary}. */
    public void write(Plan plan, String boundary, OutputStream out) throws IOException {
        Choice choice = plan.choice();
        RenderedMediaType type = choice.type();
        int quality = plan.parameters().quality();
        if (choice.animated()) {
            double millis = plan.sources().get(0).attributes().frameTimeMillis();
            try (ImageEncoder.AnimatedGif gif =
                    new ImageEncoder.AnimatedGif(out, millis > 0 ? millis : DEFAULT_FRAME_MILLIS)) {
                forEachImage(plan, (image, icc) -> gif.add(image));
            }
        } else if (!choice.multipart()) {
            forEachImage(plan, (image, icc) -> ImageEncoder.write(image, type, quality, icc, out));
        } else {
            MultipartWriter multipart = new MultipartWriter(out, boundary);
            forEachImage(plan, (image, icc) -> {
                multipart.startPart(type.mediaType(), null);
                ImageEncoder.write(image, type, quality, icc, multipart.body());
            });
            multipart.finish();
            return;
        }
        out.flush();
    }

    /** Receives each rendered image in turn, with the ICC profile it is tagged with ({@code null} for none). */
    @FunctionalInterface
    interface ImageSink {
        void accept(BufferedImage image, byte[] iccProfile) throws IOException;
    }

    /**
     * What of the iccprofile parameter cannot be done, for the Warning header: GIF carries no profile, and with
     * {@code yes} a colour image without ICC Profile (0028,2000) is sent untagged. Grayscale images never carry one.
     */
    private static List<String> withIccWarnings(
            List<Source> sources, Choice choice, RenderedParameters p, List<String> warnings) {
        String icc = p.iccProfile();
        if (!icc.equals(RenderedParameters.OWN_ICC_PROFILE) && !icc.equals(RenderedParameters.SRGB)) {
            return warnings;
        }
        List<String> all = new ArrayList<>(warnings);
        if (choice.type() == RenderedMediaType.GIF) {
            all.add("iccprofile=" + icc + ": GIF images carry no ICC profile");
        } else if (icc.equals(RenderedParameters.OWN_ICC_PROFILE)) {
            long untagged = sources.stream()
                    .filter(s ->
                            colour(s.attributes().pixels()) && s.attributes().iccProfile() == null)
                    .count();
            if (untagged > 0) {
                all.add("iccprofile=yes: " + untagged + " colour image(s) have no ICC Profile (0028,2000) and are sent"
                        + " without one");
            }
        }
        return List.copyOf(all);
    }

    private static boolean colour(PixelDescription d) {
        return d.samplesPerPixel() == 3 || d.photometricInterpretation().equals("PALETTE COLOR");
    }

    /**
     * The iccprofile parameter applied to one rendered colour image: {@code yes} tags it with the image's own
     * profile, {@code srgb} converts it from that profile into sRGB (taking it as sRGB when it has none) and tags
     * it with sRGB. Grayscale images and the other values leave it untagged.
     */
    private static void applyIcc(BufferedImage image, RenderingAttributes a, RenderedParameters p, ImageSink sink)
            throws IOException {
        byte[] own = a.iccProfile();
        boolean colour = ColourProfiles.colour(image);
        if (colour && p.iccProfile().equals(RenderedParameters.SRGB)) {
            sink.accept(own == null ? image : ColourProfiles.toSrgb(image, own), ColourProfiles.srgb());
        } else {
            sink.accept(image, colour && p.iccProfile().equals(RenderedParameters.OWN_ICC_PROFILE) ? own : null);
        }
    }

    private void forEachImage(Plan plan, ImageSink sink) throws IOException {
        for (Source s : plan.sources()) {
            try (ReadableBlob blob = blobs.open(s.file().blobKey())) {
                for (int k : s.frames()) {
                    DecodedFrame frame = decode(blob, s, k);
                    BufferedImage image;
                    try {
                        image = FrameRenderer.render(
                                frame, s.attributes(), k, plan.parameters().window());
                    } catch (UnrenderableImageException e) {
                        throw new IOException(
                                "Frame " + (k + 1) + " of instance " + s.file().instance() + " cannot be rendered: "
                                        + e.getMessage(),
                                e);
                    }
                    applyIcc(plan.parameters().framing().apply(image), s.attributes(), plan.parameters(), sink);
                }
            }
        }
    }

    private DecodedFrame decode(ReadableBlob blob, Source s, int k) throws IOException {
        PixelDescription stored = s.attributes().pixels();
        FrameTable t = s.table();
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, t.frameLength(k)));
        boolean native98 = t.syntax.uid().equals(TransferSyntax.ENCAPSULATED_UNCOMPRESSED) && t.frameBits > 0;
        FrameService.writeFrame(blob, t, k, native98, bytes);
        if (!t.encapsulated() || t.syntax.uid().equals(TransferSyntax.ENCAPSULATED_UNCOMPRESSED)) {
            return new DecodedFrame(stored, bytes.toByteArray());
        }
        FrameDecoder decoder = FrameDecoders.forSyntax(t.syntax.uid())
                .orElseThrow(() -> new IOException("no decoder for " + t.syntax.uid()));
        return decoder.decode(stored, new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** The one stored file of an instance target; 404 when it is not stored. */
    private StoredFile firstFile(RetrieveTarget target) {
        List<StoredFile> files = locations.files(target);
        if (files.isEmpty()) {
            throw DicomwebException.notFound("No " + target.describe());
        }
        return files.get(0);
    }

    /** The images of a study or series; 404 when it is not stored or holds no images. */
    private List<StoredFile> imageFiles(RetrieveTarget target) {
        List<StoredFile> files = index.imageFiles(target);
        if (files.isEmpty()) {
            throw DicomwebException.notFound(
                    index.files(target).isEmpty()
                            ? "No " + target.describe()
                            : "The " + target.describe() + " holds no images to render");
        }
        return files;
    }

    /** A single target's image; 406 naming the reason when it cannot be rendered. */
    private Source single(StoredFile f, RenderedParameters p) {
        try {
            return prepare(f, p);
        } catch (NotRenderable e) {
            throw DicomwebException.notAcceptable(e.getMessage());
        }
    }

    /** Checks everything that can be checked before the response starts: syntax, pixel encoding, region. */
    private Source prepare(StoredFile f, RenderedParameters p) {
        String problem = undecodable(f.transferSyntaxUid());
        if (problem != null) {
            throw new NotRenderable("instance " + f.instance() + " is " + problem);
        }
        FrameTable table;
        try {
            table = frames.table(f);
        } catch (DicomwebException e) {
            if (e.status() == 404) {
                throw new NotRenderable(e.getMessage());
            }
            throw e;
        }
        if (table.floatPixels) {
            throw new NotRenderable("instance " + f.instance() + " has Float Pixel Data, which is not rendered");
        }
        RenderingAttributes a;
        try {
            a = attributes(f);
            if (!table.encapsulated() || table.syntax.uid().equals(TransferSyntax.ENCAPSULATED_UNCOMPRESSED)) {
                // A decoder may change the layout (YBR_ICT to RGB), so only frames read as stored are checked here.
                FrameRenderer.check(a.pixels(), a);
            }
        } catch (UnrenderableImageException e) {
            throw new NotRenderable("instance " + f.instance() + " cannot be rendered: " + e.getMessage());
        }
        PixelDescription d = a.pixels();
        try {
            p.framing().resolve(d.columns(), d.rows());
        } catch (IllegalArgumentException e) {
            throw DicomwebException.badRequest(
                    "The viewport's source region does not fit instance " + f.instance() + ": " + e.getMessage());
        }
        return new Source(f, table, a, List.of());
    }

    /** Why frames in this syntax cannot be rendered, or {@code null} when they can. */
    static String undecodable(String transferSyntaxUid) {
        TransferSyntax ts = TransferSyntax.of(transferSyntaxUid);
        if (!ts.encapsulated() || transferSyntaxUid.equals(TransferSyntax.ENCAPSULATED_UNCOMPRESSED)) {
            return null;
        }
        Optional<FrameDecoder> decoder = FrameDecoders.forSyntax(transferSyntaxUid);
        if (decoder.isPresent()) {
            return null;
        }
        String name = UidRegistry.nameOf(transferSyntaxUid);
        return "stored in "
                + (name == null ? "transfer syntax " + transferSyntaxUid : name + " (" + transferSyntaxUid + ")")
                + ", which this server cannot decode";
    }

    private RenderingAttributes attributes(StoredFile f) {
        RenderingAttributes a = attributes.get(f.blobKey());
        if (a != null) {
            return a;
        }
        try (ReadableBlob blob = blobs.open(f.blobKey());
                DicomInputStream in = new DicomInputStream(blob.inputStream())) {
            in.setBulkDataThreshold(HEADER_VALUES_INLINE);
            in.readFileMetaInformation();
            Attributes ds = in.readDataset(Tag.FloatPixelData);
            a = RenderingAttributes.of(ds);
        } catch (IOException e) {
            throw new DicomwebException(500, "The stored file of instance " + f.instance() + " cannot be read", e);
        }
        attributes.put(f.blobKey(), a);
        return a;
    }

    private static Source withFrames(Source s, List<Integer> frameIndexes) {
        return new Source(s.file(), s.table(), s.attributes(), frameIndexes);
    }

    /** 0 to n - 1 from the middle outwards: middle, middle + 1, middle - 1, ... */
    private static List<Integer> fromMiddle(int n) {
        List<Integer> order = new ArrayList<>(n);
        int middle = n / 2;
        order.add(middle);
        for (int d = 1; order.size() < n; d++) {
            if (middle + d < n) {
                order.add(middle + d);
            }
            if (middle - d >= 0) {
                order.add(middle - d);
            }
        }
        return order;
    }

    private static List<Integer> allFrames(FrameTable t) {
        List<Integer> all = new ArrayList<>(t.frames);
        for (int k = 0; k < t.frames; k++) {
            all.add(k);
        }
        return all;
    }

    /** Why one image cannot be rendered; a 406 alone, a left-out part within a study or series. */
    private static final class NotRenderable extends RuntimeException {
        NotRenderable(String message) {
            super(message, null, false, false);
        }
    }
}
