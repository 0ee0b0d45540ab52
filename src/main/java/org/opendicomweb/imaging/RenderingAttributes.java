package org.opendicomweb.imaging;

import java.util.ArrayList;
import java.util.List;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Sequence;
import org.opendicomweb.dicom.Tag;

/**
 * What rendering needs from a stored image beyond its pixel layout: the modality transformation, the VOI
 * choices the file offers, the palette and the presentation polarity. Read once per stored file from its
 * header (everything before the pixel data); an enhanced multi-frame image's shared and per-frame functional
 * groups (Pixel Value Transformation, Frame VOI LUT) override the top-level values for each frame.
 */
public final class RenderingAttributes {
    private final PixelDescription pixels;
    private final Grayscale topLevel;
    private final Grayscale shared;
    private final Sequence perFrame;
    private final LookupTable[] palette;
    private final boolean inverse;
    private final double frameTimeMillis;
    private final byte[] iccProfile;

    /** The grayscale transformations that apply to one frame. */
    public record Grayscale(ModalityLut modality, List<VoiWindow> windows, LookupTable voiLut) {}

    private RenderingAttributes(
            PixelDescription pixels,
            Grayscale topLevel,
            Grayscale shared,
            Sequence perFrame,
            LookupTable[] palette,
            boolean inverse,
            double frameTimeMillis,
            byte[] iccProfile) {
        this.pixels = pixels;
        this.topLevel = topLevel;
        this.shared = shared;
        this.perFrame = perFrame;
        this.palette = palette;
        this.inverse = inverse;
        this.frameTimeMillis = frameTimeMillis;
        this.iccProfile = iccProfile;
    }

    /**
     * Reads the attributes from a stored image's header. LUT data must be in memory (read the header with a
     * bulk-data threshold above 128 KiB, the largest 16-bit table).
     */
    public static RenderingAttributes of(Attributes ds) {
        PixelDescription pixels = PixelDescription.of(ds);
        boolean signed = pixels.signed();
        Grayscale top = grayscale(ds, signed, ModalityLut.IDENTITY, List.of(), null);
        Attributes sharedItem = ds.getNestedDataset(Tag.SharedFunctionalGroupsSequence);
        Grayscale shared = sharedItem == null ? top : functionalGroups(sharedItem, signed, top);
        LookupTable[] palette = null;
        if (pixels.photometricInterpretation().equals("PALETTE COLOR")) {
            if (ds.contains(Tag.SegmentedRedPaletteColorLookupTableData)) {
                throw new UnrenderableImageException("segmented palette colour lookup tables are not supported");
            }
            palette = new LookupTable[] {
                LookupTable.read(
                        ds,
                        Tag.RedPaletteColorLookupTableDescriptor,
                        Tag.RedPaletteColorLookupTableData,
                        signed,
                        "the red palette"),
                LookupTable.read(
                        ds,
                        Tag.GreenPaletteColorLookupTableDescriptor,
                        Tag.GreenPaletteColorLookupTableData,
                        signed,
                        "the green palette"),
                LookupTable.read(
                        ds,
                        Tag.BluePaletteColorLookupTableDescriptor,
                        Tag.BluePaletteColorLookupTableData,
                        signed,
                        "the blue palette")
            };
        }
        // MONOCHROME1 shows its minimum as white; a Presentation LUT Shape of INVERSE (required with MONOCHROME1 in
        // some IODs) asks for the same, not for a second inversion.
        boolean inverse = pixels.photometricInterpretation().equals("MONOCHROME1")
                || "INVERSE".equals(ds.getString(Tag.PresentationLUTShape));
        double frameTime = ds.getDouble(Tag.FrameTime, 0);
        if (!(frameTime > 0)) {
            double rate = ds.getDouble(Tag.RecommendedDisplayFrameRate, ds.getDouble(Tag.CineRate, 0));
            frameTime = rate > 0 ? 1000 / rate : 0;
        }
        byte[] icc = ds.getValue(Tag.ICCProfile) instanceof byte[] b && b.length > 0 ? b : null;
        try {
            if (icc != null) {
                java.awt.color.ICC_Profile.getInstance(icc);
            }
        } catch (IllegalArgumentException e) {
            icc = null; // not a profile the colour management can read: the image is treated as having none
        }
        return new RenderingAttributes(
                pixels,
                top,
                shared,
                ds.getSequence(Tag.PerFrameFunctionalGroupsSequence),
                palette,
                inverse,
                frameTime,
                icc);
    }

    /**
     * The image's ICC Profile (0028,2000), its colour space, or {@code null} when it has none (or one too large
     * to have been read with the header, or one that is no readable ICC profile).
     */
    public byte[] iccProfile() {
        return iccProfile;
    }

    public PixelDescription pixels() {
        return pixels;
    }

    /** The transformations of frame {@code k} (0-based). */
    public Grayscale grayscale(int k) {
        if (perFrame != null && k < perFrame.size()) {
            return functionalGroups(perFrame.get(k), pixels.signed(), shared);
        }
        return shared;
    }

    /** Red, green and blue tables of a PALETTE COLOR image, else {@code null}. */
    public LookupTable[] palette() {
        return palette;
    }

    /** Whether the minimum display value is white. */
    public boolean inverse() {
        return inverse;
    }

    /** Milliseconds between frames for animations; 0 when the file does not say. */
    public double frameTimeMillis() {
        return frameTimeMillis;
    }

    private static Grayscale functionalGroups(Attributes item, boolean signed, Grayscale inherited) {
        Attributes transformation = item.getNestedDataset(Tag.PixelValueTransformationSequence);
        Attributes voi = item.getNestedDataset(Tag.FrameVOILUTSequence);
        if (transformation == null && voi == null) {
            return inherited;
        }
        Grayscale g = transformation == null
                ? inherited
                : grayscale(transformation, signed, inherited.modality(), inherited.windows(), inherited.voiLut());
        return voi == null ? g : grayscale(voi, signed, g.modality(), g.windows(), g.voiLut());
    }

    /** The values {@code ds} sets, else the inherited ones. */
    private static Grayscale grayscale(
            Attributes ds, boolean signed, ModalityLut modality, List<VoiWindow> windows, LookupTable voiLut) {
        Attributes modalityItem = ds.getNestedDataset(Tag.ModalityLUTSequence);
        if (modalityItem != null) {
            modality = ModalityLut.table(LookupTable.read(
                    modalityItem, Tag.LUTDescriptor, Tag.LUTData, signed, "the Modality LUT Sequence"));
        } else if (ds.contains(Tag.RescaleSlope) || ds.contains(Tag.RescaleIntercept)) {
            double slope = ds.getDouble(Tag.RescaleSlope, 1);
            modality = ModalityLut.rescale(
                    slope == 0 || !Double.isFinite(slope) ? 1 : slope, ds.getDouble(Tag.RescaleIntercept, 0));
        }
        double[] centers = ds.getDoubles(Tag.WindowCenter);
        double[] widths = ds.getDoubles(Tag.WindowWidth);
        if (centers != null && widths != null) {
            VoiFunction function = VoiFunction.ofDefinedTerm(ds.getString(Tag.VOILUTFunction));
            List<VoiWindow> found = new ArrayList<>();
            for (int i = 0; i < Math.min(centers.length, widths.length); i++) {
                if (VoiWindow.valid(centers[i], widths[i], function)) {
                    found.add(new VoiWindow(centers[i], widths[i], function));
                }
            }
            if (!found.isEmpty()) {
                windows = List.copyOf(found);
            }
        }
        Attributes voiItem = ds.getNestedDataset(Tag.VOILUTSequence);
        if (voiItem != null) {
            // The VOI LUT's input is the modality value, which is signed whenever it can be negative.
            voiLut = LookupTable.read(voiItem, Tag.LUTDescriptor, Tag.LUTData, true, "the VOI LUT Sequence");
        }
        return new Grayscale(modality, windows, voiLut);
    }
}
