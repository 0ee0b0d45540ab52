package org.opendicomweb.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes rendered images with the JDK's ImageIO writers: JPEG (baseline, at a chosen quality), PNG, and GIF,
 * which can also hold all frames of a multi-frame image as an animation; JPEG and PNG can carry an ICC profile. Output goes straight to the stream
 * (an in-memory cache, never temporary files); the stream is left open.
 */
public final class ImageEncoder {
    /** JPEG quality when the client names none, as a percentage. */
    public static final int DEFAULT_QUALITY = 90;

    private static final IndexColorModel GRAY_PALETTE = grayPalette();

    private ImageEncoder() {}

    /** Writes one image; {@code quality} (1 to 100) applies to JPEG only. */
    public static void write(BufferedImage image, RenderedMediaType type, int quality, OutputStream out)
            throws IOException {
        write(image, type, quality, null, out);
    }

    /**
     * Writes one image tagged with the ICC profile {@code iccProfile} (a JPEG APP2 ICC_PROFILE segment, a PNG iCCP
     * chunk), or untagged when it is {@code null}; GIF carries none. The pixels are not changed.
     */
    public static void write(
            BufferedImage image, RenderedMediaType type, int quality, byte[] iccProfile, OutputStream out)
            throws IOException {
        ImageWriter writer = writer(type);
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == RenderedMediaType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
            }
            BufferedImage written = type == RenderedMediaType.GIF ? indexed(image) : image;
            IIOMetadata metadata = null;
            if (iccProfile != null && type == RenderedMediaType.JPEG) {
                // The writer embeds the profile of the image's colour space itself (and converts nothing).
                written = ColourProfiles.tagged(image, iccProfile);
            } else if (iccProfile != null && type == RenderedMediaType.PNG) {
                metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(written), param);
                addIccChunk(metadata, iccProfile);
            }
            writer.write(null, new IIOImage(written, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** A PNG iCCP chunk: the writer takes the profile as given, so it is deflated here (zlib, as PNG asks). */
    private static void addIccChunk(IIOMetadata metadata, byte[] profile) throws IIOInvalidTreeException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode iccp = new IIOMetadataNode("iCCP");
        iccp.setAttribute("profileName", "ICC Profile");
        iccp.setAttribute("compressionMethod", "deflate");
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream(profile.length / 2 + 64);
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(deflated)) {
            z.write(profile);
        } catch (IOException e) {
            throw new IllegalStateException("deflating in memory", e);
        }
        iccp.setUserObject(deflated.toByteArray());
        root.appendChild(iccp);
        metadata.setFromTree(format, root);
    }

    /**
     * A looping animated GIF written frame by frame, so a long cine loop is never held whole: {@link #add} each
     * frame as it is rendered, then {@link #close}.
     */
    public static final class AnimatedGif implements AutoCloseable {
        private final ImageWriter writer;
        private final ImageOutputStream ios;
        private final int delay;
        private boolean first = true;

        /** Frames {@code frameMillis} apart, rounded to GIF's hundredths of a second. */
        public AnimatedGif(OutputStream out, double frameMillis) throws IOException {
            this.writer = writer(RenderedMediaType.GIF);
            this.ios = new MemoryCacheImageOutputStream(out);
            this.delay = (int) Math.max(1, Math.round(frameMillis / 10));
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
        }

        public void add(BufferedImage frame) throws IOException {
            BufferedImage image = indexed(frame);
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
            animate(metadata, delay, first);
            writer.writeToSequence(new IIOImage(image, null, metadata), null);
            first = false;
        }

        @Override
        public void close() throws IOException {
            try {
                writer.endWriteSequence();
                ios.close();
            } finally {
                writer.dispose();
            }
        }
    }

    private static ImageWriter writer(RenderedMediaType type) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(type.format());
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + type.mediaType());
        }
        return writers.next();
    }

    /** GIF holds palette images: gray frames get the 256 grays exactly, colour frames the writer's own palette. */
    private static BufferedImage indexed(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage out =
                new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, GRAY_PALETTE);
        out.getRaster().setDataElements(0, 0, image.getRaster());
        return out;
    }

    private static IndexColorModel grayPalette() {
        byte[] v = new byte[256];
        for (int i = 0; i < 256; i++) {
            v[i] = (byte) i;
        }
        return new IndexColorModel(8, 256, v, v, v);
    }

    /** Frame delay in the Graphic Control Extension; the first frame also carries the NETSCAPE2.0 loop block. */
    private static void animate(IIOMetadata metadata, int delay, boolean first) throws IIOInvalidTreeException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            extensions.appendChild(loop);
        }
        metadata.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
