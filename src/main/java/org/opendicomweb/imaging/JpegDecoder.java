package org.opendicomweb.imaging;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * JPEG (ISO 10918-1) frames: Baseline (1.2.840.10008.1.2.4.50), Extended (.4.51), Lossless (.4.57) and Lossless
 * SV1 (.4.70).
 *
 * <p>8-bit DCT and all lossless frames are read by TwelveMonkeys' ImageIO JPEG reader (which hands 8-bit DCT to the
 * JDK's libjpeg and decodes SOF3 itself, 2 to 16 bits). Neither reads 12-bit DCT, which {@link JpegDctDecoder}
 * does. Pixels are always taken as a raster, never as a colour-converted image, because the DICOM Photometric
 * Interpretation, not the JFIF or Adobe markers, says what the components are: as dcmtk's dcmdjpeg does by
 * default, YBR_FULL and YBR_FULL_422 DCT frames become RGB, everything else keeps its photometric interpretation.
 */
final class JpegDecoder implements FrameDecoder {
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int SOF3 = 0xC3;

    private static final ImageReaderSpi READERS = registeredReaderSpi();

    @Override
    public DecodedFrame decode(PixelDescription stored, InputStream codestream) throws IOException {
        byte[] cs = codestream.readAllBytes();
        int[] frame = startOfFrame(cs);
        int sof = frame[0];
        int precision = frame[1];
        boolean dct = sof == SOF0 || sof == SOF1;
        if (!dct && sof != SOF3) {
            throw new IOException(
                    String.format("JPEG process SOF%d is not one DICOM allows for this syntax", sof - SOF0));
        }
        int[] samples;
        if (dct && precision > 8) {
            JpegDctDecoder.Image image = JpegDctDecoder.decode(cs);
            if (image.width() != stored.columns()
                    || image.height() != stored.rows()
                    || image.components() != stored.samplesPerPixel()) {
                throw new IOException("the codestream holds a " + image.width() + "x" + image.height() + " image of "
                        + image.components() + " component(s); the header says " + stored.columns() + "x"
                        + stored.rows() + " of " + stored.samplesPerPixel());
            }
            samples = image.samples();
        } else {
            samples = NativeSamples.of(read(cs), stored);
        }
        PixelDescription out = stored.withColour(stored.photometricInterpretation(), 0);
        if (dct
                && stored.samplesPerPixel() == 3
                && stored.photometricInterpretation().startsWith("YBR_FULL")) {
            NativeSamples.ycbcrToRgb(samples, (1 << precision) - 1);
            out = stored.withColour("RGB", 0);
        }
        return new DecodedFrame(out, NativeSamples.encode(samples, out, precision));
    }

    private static Raster read(byte[] cs) throws IOException {
        ImageReader reader = READERS.createReaderInstance();
        try (ImageInputStream in = new ByteArrayImageInputStream(cs)) {
            reader.setInput(in, true, true);
            return reader.readRaster(0, null);
        } catch (RuntimeException e) {
            throw new IOException("corrupt JPEG codestream: " + e, e);
        } finally {
            reader.dispose();
        }
    }

    /** The SOF marker and sample precision of a codestream, read from its marker segments. */
    static int[] startOfFrame(byte[] cs) throws IOException {
        if (cs.length < 4 || (cs[0] & 0xFF) != 0xFF || (cs[1] & 0xFF) != 0xD8) {
            throw new IOException("not a JPEG codestream: it does not start with SOI");
        }
        int pos = 2;
        while (pos + 4 <= cs.length) {
            if ((cs[pos] & 0xFF) != 0xFF) {
                throw new IOException("no JPEG marker at byte " + pos);
            }
            int marker = cs[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            int length = (cs[pos + 2] & 0xFF) << 8 | (cs[pos + 3] & 0xFF);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (pos + 4 >= cs.length) {
                    break;
                }
                return new int[] {marker, cs[pos + 4] & 0xFF};
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            pos += 2 + length;
        }
        throw new IOException("JPEG codestream without a start of frame");
    }

    /**
     * The TwelveMonkeys reader as registered with ImageIO: it needs the registry to find the JDK's reader it hands
     * DCT frames to, so it is registered here when the class path scan has not done so.
     */
    private static ImageReaderSpi registeredReaderSpi() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        JPEGImageReaderSpi spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
        if (spi == null) {
            spi = new JPEGImageReaderSpi();
            registry.registerServiceProvider(spi);
        }
        return spi;
    }
}
