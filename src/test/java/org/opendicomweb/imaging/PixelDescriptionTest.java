package org.opendicomweb.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.VR;

class PixelDescriptionTest {

    private static PixelDescription of(int samples, int bits, String photometric) {
        Attributes ds = new Attributes();
        ds.setInt(Tag.SamplesPerPixel, VR.US, samples);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
        ds.setInt(Tag.Rows, VR.US, 10);
        ds.setInt(Tag.Columns, VR.US, 6);
        ds.setInt(Tag.BitsAllocated, VR.US, bits);
        return PixelDescription.of(ds);
    }

    @Test
    void aFrameHoldsEverySampleOfEveryPixelExceptInNativeYbrFull422() {
        assertEquals(10 * 6 * 2, of(1, 16, "MONOCHROME2").frameLength());
        assertEquals(10 * 6 * 3, of(3, 8, "RGB").frameLength());
        assertEquals(10 * 6 * 3, of(3, 8, "YBR_FULL").frameLength());
        // PS3.3 C.7.6.3.1.2: Y1 Y2 CB CR for each pair of pixels, so two bytes per pixel at 8 bits
        assertEquals(10 * 6 * 2, of(3, 8, "YBR_FULL_422").frameLength());
    }
}
