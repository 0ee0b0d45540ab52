package org.opendicomweb.imaging;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;

/**
 * ICC profiles of rendered colour images (PS3.18 §8.3.5.1.5, the iccprofile parameter): the image's own profile,
 * ICC Profile (0028,2000), to tag the output with, or sRGB, into which the pixels are first converted. Rendered
 * colour images are 8-bit RGB; grayscale ones carry no profile.
 */
public final class ColourProfiles {
    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private ColourProfiles() {}

    /** The sRGB profile the JDK ships (IEC 61966-2-1). */
    public static byte[] srgb() {
        return SRGB.clone();
    }

    /**
     * The pixels of a rendered colour image, taken as being in the colour space of {@code profile}, converted into
     * sRGB (the JDK's colour management, LittleCMS underneath).
     *
     * @throws IllegalArgumentException when {@code profile} is no ICC profile
     */
    public static BufferedImage toSrgb(BufferedImage rgb, byte[] profile) {
        BufferedImage source = tagged(rgb, profile);
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        new ColorConvertOp(null).filter(source, out);
        return out;
    }

    /** The same pixels in an image whose colour space is {@code profile}'s, so that image writers embed it. */
    static BufferedImage tagged(BufferedImage rgb, byte[] profile) {
        ColorSpace space = new ICC_ColorSpace(ICC_Profile.getInstance(profile));
        ComponentColorModel model =
                new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(model, rgb.getRaster(), false, null);
    }

    /** Whether the image is a colour one, the only kind that is tagged with a profile. */
    public static boolean colour(BufferedImage image) {
        return image.getColorModel().getNumColorComponents() == 3;
    }
}
