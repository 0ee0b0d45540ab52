package org.opendicomweb.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.dicom.Fragments;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.dicom.TransferSyntax;
import org.opendicomweb.dicom.VR;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.PixelReference;
import org.opendicomweb.testing.PixelReference.Compressed;
import org.opendicomweb.testing.PixelReference.Pixels;
import org.opendicomweb.testing.RequiredTools;
import org.opendicomweb.testing.Tool;
import org.opendicomweb.testing.UsesTools;

/**
 * Each decoder against an independent one: dcmtk's decompressors for RLE, JPEG and JPEG-LS, OpenJPEG for JPEG 2000, and the
 * original pixels where the compression was lossless. Inputs are pydicom's compressed test files and images this
 * test compresses itself with dcmtk and OpenJPEG.
 */
@UsesTools
class FrameDecodersTest {
    static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
        RequiredTools.require(Tool.DCMTK);
    }

    static Pixels decodeAll(Compressed c) throws IOException {
        FrameDecoder decoder = FrameDecoders.forSyntax(c.transferSyntax()).orElseThrow();
        byte[] all = new byte[0];
        PixelDescription out = null;
        for (byte[] frame : c.frames()) {
            DecodedFrame d = decoder.decode(c.description(), new ByteArrayInputStream(frame));
            assertEquals(d.description().frameLength(), d.pixels().length, "decoded frame length");
            out = d.description();
            byte[] grown = Arrays.copyOf(all, all.length + d.pixels().length);
            System.arraycopy(d.pixels(), 0, grown, all.length, d.pixels().length);
            all = grown;
        }
        return new Pixels(out, all);
    }

    static void assertSamePixels(Pixels expected, Pixels actual, int tolerance) {
        PixelDescription e = expected.description();
        PixelDescription a = actual.description();
        assertEquals(e.photometricInterpretation(), a.photometricInterpretation(), "photometric interpretation");
        assertEquals(0, a.planarConfiguration(), "decoded frames are colour-by-pixel");
        assertEquals(e.samplesPerPixel(), a.samplesPerPixel());
        int bytes = e.bitsAllocated() / 8;
        if (tolerance == 0) {
            assertArrayEquals(expected.bytes(), actual.bytes(), "pixels differ from the reference");
        } else {
            int diff = PixelReference.maxDifference(expected.bytes(), actual.bytes(), bytes, e.signed());
            assertTrue(diff <= tolerance, "largest difference from the reference is " + diff);
        }
    }

    @ParameterizedTest(name = "{0} as dcmtk decodes it")
    @CsvSource({
        "MR_small_RLE.dcm, 0",
        "SC_rgb_rle.dcm, 0",
        "SC_rgb_rle_2frame.dcm, 0",
        "SC_rgb_rle_16bit.dcm, 0",
        "SC_rgb_rle_16bit_2frame.dcm, 0",
        "SC_rgb_rle_32bit_2frame.dcm, 0",
        "rtdose_rle.dcm, 0",
        "SC_rgb_jpeg_gdcm.dcm, 0",
        "SC_rgb_jpeg_dcmtk.dcm, 0",
        "SC_rgb_small_odd_jpeg.dcm, 0",
        "SC_rgb_dcmtk_+eb+cr.dcm, 0",
        "SC_rgb_dcmtk_+eb+cy+np.dcm, 0",
        "SC_rgb_dcmtk_+eb+cy+n1.dcm, 0",
        "SC_rgb_dcmtk_+eb+cy+n2.dcm, 0",
        "SC_rgb_dcmtk_+eb+cy+s2.dcm, 0",
        "SC_rgb_dcmtk_+eb+cy+s4.dcm, 0",
        "SC_jpeg_no_color_transform.dcm, 0",
        "SC_jpeg_no_color_transform_2.dcm, 0",
        "SC_rgb_jpeg_app14_dcmd.dcm, 0",
        "SC_rgb_jpeg_lossy_gdcm.dcm, 0",
        "JPEG-lossy.dcm, 1",
        "JPGExtended.dcm, 1",
        "MR_small_jpeg_ls_lossless.dcm, 0"
    })
    void pydicomFilesDecodeAsDcmtkDecodesThem(String file, int tolerance) throws IOException {
        Path path = CORPUS.resolve(file);
        RequiredTools.require(Tool.PYDICOM_FILES);
        assertSamePixels(PixelReference.dcmtkDecompress(path), decodeAll(PixelReference.read(path)), tolerance);
    }

    /** A smooth image with noise, so that predictors, runs and DCT blocks all see real variation. */
    static byte[] noisyImage(
            int rows, int columns, int samples, int bitsAllocated, int bitsStored, boolean signed, long seed) {
        Random random = new Random(seed);
        int bytes = bitsAllocated / 8;
        byte[] b = new byte[rows * columns * samples * bytes];
        long lo = signed ? -(1L << (bitsStored - 1)) : 0;
        long hi = signed ? (1L << (bitsStored - 1)) - 1 : (1L << bitsStored) - 1;
        int i = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                for (int s = 0; s < samples; s++) {
                    double wave = Math.sin(r / 17.0 + s) * Math.cos(c / 23.0) * 0.45 + 0.5;
                    long v = Math.round(lo + wave * (hi - lo) + random.nextGaussian() * (hi - lo) / 200);
                    v = Math.max(lo, Math.min(hi, v));
                    b[i++] = (byte) v;
                    if (bytes == 2) {
                        b[i++] = (byte) (v >> 8);
                    }
                }
            }
        }
        return b;
    }

    static DicomFiles.Builder image(
            int rows, int columns, int samples, int bitsAllocated, int bitsStored, boolean signed, byte[] pixels) {
        return DicomFiles.multiFrame(1)
                .size(rows, columns)
                .bitsAllocated(bitsAllocated)
                .edit(ds -> {
                    ds.setBytes(Tag.PixelData, bitsAllocated == 8 ? VR.OB : VR.OW, pixels);
                    ds.setInt(Tag.BitsStored, VR.US, bitsStored);
                    ds.setInt(Tag.HighBit, VR.US, bitsStored - 1);
                    ds.setInt(Tag.PixelRepresentation, VR.US, signed ? 1 : 0);
                    ds.setInt(Tag.SamplesPerPixel, VR.US, samples);
                    if (samples == 3) {
                        ds.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
                        ds.setInt(Tag.PlanarConfiguration, VR.US, 0);
                    }
                });
    }

    @ParameterizedTest(name = "{0} {1} of {2} bits stored, signed {3}: exact")
    @CsvSource({
        "dcmcrle, '', 16, 16, false, 1",
        "dcmcrle, '', 16, 12, true, 1",
        "dcmcrle, '', 8, 8, false, 3",
        "dcmcjpeg, +e1, 16, 16, false, 1",
        "dcmcjpeg, +e1, 16, 16, true, 1",
        "dcmcjpeg, +e1, 16, 12, true, 1",
        "dcmcjpeg, +e1, 8, 8, false, 3",
        "dcmcjpeg, +el +sv 7, 16, 16, false, 1",
        "dcmcjpeg, +el +sv 4, 16, 12, true, 1",
        "dcmcjpeg, +el +sv 2, 8, 8, false, 1",
        "dcmcjpls, '', 16, 16, false, 1",
        "dcmcjpls, '', 16, 16, true, 1",
        "dcmcjpls, '', 16, 12, true, 1",
        "dcmcjpls, '', 8, 8, false, 1",
        "dcmcjpls, '', 8, 8, false, 3",
        "dcmcjpls, '', 16, 10, false, 3"
    })
    void losslessCompressionGivesBackTheOriginalPixels(
            String tool, String options, int bitsAllocated, int bitsStored, boolean signed, int samples)
            throws IOException {
        byte[] pixels = noisyImage(128, 96, samples, bitsAllocated, bitsStored, signed, 11);
        Path original = image(128, 96, samples, bitsAllocated, bitsStored, signed, pixels)
                .writeTo(dir.resolve("original.dcm"));
        Path compressed = PixelReference.dcmtkCompress(
                original, dir.resolve("compressed.dcm"), tool, options.isBlank() ? new String[0] : options.split(" "));
        Pixels decoded = decodeAll(PixelReference.read(compressed));
        assertSamePixels(PixelReference.nativePixels(original), decoded, 0);
    }

    @ParameterizedTest(name = "{0} of {1} bits stored, {2} samples: as dcmdjpeg decodes it")
    @CsvSource({"+eb, 8, 1", "+eb, 8, 3", "+eb +cy +s2, 8, 3", "+ee, 8, 1", "+ee, 12, 1", "+ee +q 70, 12, 1"})
    void lossyJpegDecodesAsDcmtkDecodesIt(String options, int bitsStored, int samples) throws IOException {
        int bitsAllocated = bitsStored > 8 ? 16 : 8;
        byte[] pixels = noisyImage(100, 75, samples, bitsAllocated, bitsStored, false, 5);
        Path original = image(100, 75, samples, bitsAllocated, bitsStored, false, pixels)
                .writeTo(dir.resolve("original.dcm"));
        Path compressed =
                PixelReference.dcmtkCompress(original, dir.resolve("compressed.dcm"), "dcmcjpeg", options.split(" "));
        Pixels reference = PixelReference.dcmtkDecompress(compressed);
        // The JDK's libjpeg and dcmtk's agree exactly on 8 bits; our 12-bit IDCT rounds differently from libjpeg's.
        assertSamePixels(reference, decodeAll(PixelReference.read(compressed)), bitsStored == 8 ? 0 : 1);
    }

    /**
     * Not below 8 bits: the JPEG-LS encoder in dcmtk 3.6.7 (CharLS 1.0) computes the default thresholds of images
     * with MAXVAL below 128 by the formula the standard gives for MAXVAL of 128 and more; we follow the standard.
     */
    @ParameterizedTest(name = "JPEG-LS near-lossless, NEAR {0}, {1} bits stored: as dcmdjpls decodes it")
    @CsvSource({"2, 8", "2, 12", "3, 16", "1, 10"})
    void nearLosslessJpegLsDecodesAsDcmtkDecodesIt(int near, int bitsStored) throws IOException {
        int bitsAllocated = bitsStored > 8 ? 16 : 8;
        byte[] pixels = noisyImage(77, 120, 1, bitsAllocated, bitsStored, false, 8);
        Path original =
                image(77, 120, 1, bitsAllocated, bitsStored, false, pixels).writeTo(dir.resolve("original.dcm"));
        Path compressed = PixelReference.dcmtkCompress(
                original, dir.resolve("compressed.dcm"), "dcmcjpls", "+en", "+md", Integer.toString(near));
        Pixels decoded = decodeAll(PixelReference.read(compressed));
        assertSamePixels(PixelReference.dcmtkDecompress(compressed), decoded, 0);
        int diff = PixelReference.maxDifference(pixels, decoded.bytes(), bitsAllocated / 8, false);
        assertTrue(diff <= near, "near-lossless error " + diff + " exceeds NEAR " + near);
    }

    @Test
    void jpegLsOfMrSmallIsTheUncompressedMrSmall() throws IOException {
        RequiredTools.require(Tool.PYDICOM_FILES);
        Pixels decoded = decodeAll(PixelReference.read(CORPUS.resolve("MR_small_jpeg_ls_lossless.dcm")));
        assertSamePixels(PixelReference.nativePixels(CORPUS.resolve("MR_small.dcm")), decoded, 0);
    }

    @Test
    void jpeg2000LosslessOfMrSmallIsTheUncompressedMrSmall() throws IOException {
        RequiredTools.require(Tool.PYDICOM_FILES);
        Pixels decoded = decodeAll(PixelReference.read(CORPUS.resolve("MR_small_jp2klossless.dcm")));
        assertSamePixels(PixelReference.nativePixels(CORPUS.resolve("MR_small.dcm")), decoded, 0);
    }

    /**
     * GDCMJ2K_TextGBR.dcm is left out: its tile-part headers announce 5 tile-parts per tile but it carries 6;
     * OpenJPEG reads them all, JAI stops at the announced count and loses the last quality layer (see
     * docs/conformance.md).
     */
    @ParameterizedTest(name = "{0} as OpenJPEG decodes it")
    @CsvSource({
        "MR_small_jp2klossless.dcm, 0",
        "J2K_pixelrep_mismatch.dcm, 0",
        "693_J2KI.dcm, 1",
        "JPEG2000.dcm, 1",
        "SC_rgb_gdcm_KY.dcm, 1"
    })
    void pydicomJpeg2000FilesDecodeAsOpenJpegDecodesThem(String file, int tolerance) throws IOException {
        RequiredTools.require(Tool.OPENJPEG);
        Path path = CORPUS.resolve(file);
        RequiredTools.require(Tool.PYDICOM_FILES);
        Compressed c = PixelReference.read(path);
        PixelDescription d = c.description();
        byte[] reference =
                PixelReference.openJpegDecompress(c.frames().get(0), d.samplesPerPixel(), d.bitsAllocated() / 8);
        Pixels decoded = decodeAll(c);
        assertEquals(
                d.samplesPerPixel() == 3 ? "RGB" : d.photometricInterpretation(),
                decoded.description().photometricInterpretation());
        byte[] expected = signExtended(reference, decoded.description());
        int diff = PixelReference.maxDifference(expected, decoded.bytes(), d.bitsAllocated() / 8, d.signed());
        assertTrue(diff <= tolerance, "largest difference from OpenJPEG is " + diff);
    }

    @ParameterizedTest(name = "JPEG 2000 {0}, {1} of {2} bits, signed {3}")
    @CsvSource({
        "lossless, 1, 16, true",
        "lossless, 1, 12, false",
        "lossless, 3, 8, false",
        "lossless, 1, 8, true",
        "lossy, 1, 16, true",
        "lossy, 3, 8, false"
    })
    void jpeg2000MadeByOpenJpegDecodes(String kind, int samples, int bits, boolean signed) throws IOException {
        RequiredTools.require(Tool.OPENJPEG);
        int bitsAllocated = bits > 8 ? 16 : 8;
        int rows = 90;
        int columns = 70;
        byte[] pixels = noisyImage(rows, columns, samples, bitsAllocated, bits, signed, 3);
        byte[] planar = samples == 1 ? pixels : toPlanar(pixels, samples);
        boolean lossless = kind.equals("lossless");
        byte[] codestream = PixelReference.openJpegCompress(
                planar,
                rows,
                columns,
                samples,
                bits,
                signed,
                lossless ? new String[] {"-mct", samples == 3 ? "1" : "0"} : new String[] {"-I", "-r", "20"});
        String syntax = lossless ? "1.2.840.10008.1.2.4.90" : "1.2.840.10008.1.2.4.91";
        String photometric = samples == 1 ? "MONOCHROME2" : lossless ? "YBR_RCT" : "YBR_ICT";
        Path file = image(rows, columns, samples, bitsAllocated, bits, signed, pixels)
                .transferSyntax(TransferSyntax.of(syntax))
                .edit(ds -> {
                    ds.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
                    Fragments f = ds.newFragments(Tag.PixelData, VR.OB, 2);
                    f.add(new byte[0]);
                    f.add(codestream.length % 2 == 0 ? codestream : Arrays.copyOf(codestream, codestream.length + 1));
                })
                .writeTo(dir.resolve("j2k.dcm"));
        Pixels decoded = decodeAll(PixelReference.read(file));
        assertEquals(samples == 3 ? "RGB" : "MONOCHROME2", decoded.description().photometricInterpretation());
        if (lossless) {
            assertArrayEquals(pixels, decoded.bytes(), "lossless JPEG 2000 gives back the original pixels");
        } else {
            byte[] reference = PixelReference.openJpegDecompress(codestream, samples, bitsAllocated / 8);
            int diff = PixelReference.maxDifference(reference, decoded.bytes(), bitsAllocated / 8, signed);
            // Irreversible wavelet and colour transforms are computed in floating point by both decoders.
            assertTrue(diff <= 2, "largest difference from OpenJPEG is " + diff);
        }
    }

    @ParameterizedTest(name = "{0} cut short or garbled")
    @CsvSource({
        "MR_small_RLE.dcm",
        "SC_rgb_jpeg_gdcm.dcm",
        "SC_rgb_jpeg_dcmtk.dcm",
        "JPGExtended.dcm",
        "MR_small_jp2klossless.dcm",
        "MR_small_jpeg_ls_lossless.dcm"
    })
    void corruptCodestreamsAreErrorsNotPictures(String file) throws IOException {
        Path path = CORPUS.resolve(file);
        RequiredTools.require(Tool.PYDICOM_FILES);
        Compressed c = PixelReference.read(path);
        FrameDecoder decoder = FrameDecoders.forSyntax(c.transferSyntax()).orElseThrow();
        byte[] frame = c.frames().get(0);
        byte[] garbage = new byte[frame.length];
        new Random(1).nextBytes(garbage);
        for (byte[] bad : new byte[][] {Arrays.copyOf(frame, 30), garbage, new byte[0]}) {
            IOException e = assertThrows(
                    IOException.class, () -> decoder.decode(c.description(), new ByteArrayInputStream(bad)));
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }

    @Test
    void registryHasNoDecoderForSyntaxesWithoutOne() {
        for (String uid : new String[] {
            "1.2.840.10008.1.2.4.92",
            "1.2.840.10008.1.2.4.93",
            "1.2.840.10008.1.2.4.201",
            "1.2.840.10008.1.2.4.100",
            "1.2.840.10008.1.2.1",
            "1.2.3.4"
        }) {
            assertTrue(FrameDecoders.forSyntax(uid).isEmpty(), uid);
        }
    }

    private static byte[] toPlanar(byte[] interleaved, int samples) {
        byte[] out = new byte[interleaved.length];
        int plane = interleaved.length / samples;
        for (int p = 0; p < plane; p++) {
            for (int s = 0; s < samples; s++) {
                out[s * plane + p] = interleaved[p * samples + s];
            }
        }
        return out;
    }

    /** OpenJPEG writes what the codestream says; an instance that says signed is compared sign-extended. */
    private static byte[] signExtended(byte[] raw, PixelDescription d) {
        if (!d.signed() || d.bitsAllocated() != 16 || d.bitsStored() >= 16) {
            return raw;
        }
        byte[] out = raw.clone();
        int shift = 32 - d.bitsStored();
        for (int i = 0; i < out.length; i += 2) {
            int v = ((out[i] & 0xFF) | (out[i + 1] & 0xFF) << 8) << shift >> shift;
            out[i] = (byte) v;
            out[i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
