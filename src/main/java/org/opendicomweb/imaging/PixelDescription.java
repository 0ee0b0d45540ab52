package org.opendicomweb.imaging;

import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;

/**
 * How the pixels of an image are laid out: the attributes of the Image Pixel Module (PS3.3 §C.7.6.3) that a
 * decoder or a renderer needs, read once from a stored instance's header.
 */
public record PixelDescription(
        int rows,
        int columns,
        int samplesPerPixel,
        int bitsAllocated,
        int bitsStored,
        int highBit,
        int pixelRepresentation,
        String photometricInterpretation,
        int planarConfiguration,
        int numberOfFrames) {

    /** Reads the description from a dataset; absent values take the defaults PS3.3 gives them. */
    public static PixelDescription of(Attributes ds) {
        int bitsAllocated = ds.getInt(Tag.BitsAllocated, 0);
        int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
        int samples = ds.getInt(Tag.SamplesPerPixel, 1);
        String photometric = ds.getString(Tag.PhotometricInterpretation, samples == 1 ? "MONOCHROME2" : "RGB");
        return new PixelDescription(
                ds.getInt(Tag.Rows, 0),
                ds.getInt(Tag.Columns, 0),
                samples,
                bitsAllocated,
                bitsStored,
                ds.getInt(Tag.HighBit, bitsStored - 1),
                ds.getInt(Tag.PixelRepresentation, 0),
                photometric.trim(),
                ds.getInt(Tag.PlanarConfiguration, 0),
                Math.max(1, ds.getInt(Tag.NumberOfFrames, 1)));
    }

    public boolean signed() {
        return pixelRepresentation == 1;
    }

    public boolean monochrome() {
        return photometricInterpretation.startsWith("MONOCHROME");
    }

    /**
     * Bytes of one frame in native form, for BitsAllocated of 8 or more. Native YBR_FULL_422 holds two Y, one CB
     * and one CR per pair of pixels (PS3.3 §C.7.6.3.1.2): two samples' worth per pixel, not three.
     */
    public long frameLength() {
        int samples = samplesPerPixel == 3 && photometricInterpretation.endsWith("_422") ? 2 : samplesPerPixel;
        return (long) rows * columns * samples * (bitsAllocated / 8);
    }

    /** The same pixels under another photometric interpretation and planar configuration (a decoder's output). */
    public PixelDescription withColour(String photometric, int planar) {
        return new PixelDescription(
                rows,
                columns,
                samplesPerPixel,
                bitsAllocated,
                bitsStored,
                highBit,
                pixelRepresentation,
                photometric,
                planar,
                numberOfFrames);
    }
}
