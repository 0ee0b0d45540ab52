package org.opendicomweb.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.opendicomweb.dicom.Attributes;
import org.opendicomweb.dicom.Tag;
import org.opendicomweb.imaging.DecodedFrame;
import org.opendicomweb.imaging.FrameRenderer;
import org.opendicomweb.imaging.Framing;
import org.opendicomweb.imaging.ImageEncoder;
import org.opendicomweb.imaging.RenderedMediaType;
import org.opendicomweb.imaging.RenderingAttributes;
import org.opendicomweb.testing.DicomFiles;

/**
 * Single-threaded timing of the rendering pipeline on one 512x512 CT frame (16 bits allocated, 12 stored, rescale
 * and window from the file) made with the test fixture builder: stored values to an 8-bit image, then encoded as
 * the rendered resources do. Reading the frame from storage and HTTP are not included. Each case warms up, then
 * counts frames over a fixed time.
 *
 * <pre>java -cp target/classes:target/test-classes org.opendicomweb.bench.RenderBenchmark [seconds]</pre>
 */
public final class RenderBenchmark {
    private static volatile Object sink;

    private RenderBenchmark() {}

    @FunctionalInterface
    private interface Op {
        Object run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        Attributes ds = DicomFiles.ctImage().size(512, 512).dataset();
        RenderingAttributes attributes = RenderingAttributes.of(ds);
        DecodedFrame frame = new DecodedFrame(attributes.pixels(), (byte[]) ds.getValue(Tag.PixelData));
        Framing thumbnail = new Framing(null, 128, 128, false);
        System.out.printf(
                Locale.ROOT,
                "512x512 16-bit CT frame; %.0f s per case; java %s; %d processors%n",
                seconds,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| Case | frames/s (one core) | ms/frame |");
        System.out.println("|---|---:|---:|");
        measure(
                "render to 8 bits (rescale, file window)",
                seconds,
                () -> FrameRenderer.render(frame, attributes, 0, null));
        measure(
                "render + JPEG (quality 90)",
                seconds,
                () -> encode(FrameRenderer.render(frame, attributes, 0, null), RenderedMediaType.JPEG));
        measure(
                "render + PNG",
                seconds,
                () -> encode(FrameRenderer.render(frame, attributes, 0, null), RenderedMediaType.PNG));
        measure(
                "render + 128x128 thumbnail + JPEG",
                seconds,
                () -> encode(
                        thumbnail.apply(FrameRenderer.render(frame, attributes, 0, null)), RenderedMediaType.JPEG));
    }

    private static byte[] encode(BufferedImage image, RenderedMediaType type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ImageEncoder.write(image, type, ImageEncoder.DEFAULT_QUALITY, out);
        return out.toByteArray();
    }

    private static void measure(String name, double seconds, Op op) throws IOException {
        long warmUpEnd = System.nanoTime() + (long) (seconds * 0.4e9);
        while (System.nanoTime() < warmUpEnd) {
            sink = op.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
        long now;
        do {
            sink = op.run();
            n++;
            now = System.nanoTime();
        } while (now < end);
        double perSecond = n / ((now - start) / 1e9);
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f |%n", name, perSecond, 1000 / perSecond);
    }
}
