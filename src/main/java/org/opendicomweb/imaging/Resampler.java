package org.opendicomweb.imaging;

/**
 * Cropping, flipping and resizing of 8-bit images held as interleaved bytes. Done here rather than with Java 2D,
 * whose drawing of TYPE_BYTE_GRAY images passes through a linear-to-sRGB conversion that changes gray values.
 * Shrinking halves the image with 2 x 2 averages while it is more than twice too large, then interpolates
 * bilinearly, so thumbnails average all source pixels instead of sampling a few.
 */
final class Resampler {
    private Resampler() {}

    record Plane(byte[] data, int width, int height, int channels) {}

    static Plane crop(Plane p, SourceRegion.Pixels r) {
        int c = p.channels();
        byte[] out = new byte[r.width() * r.height() * c];
        for (int y = 0; y < r.height(); y++) {
            int sy = r.flipVertical() ? r.y() + r.height() - 1 - y : r.y() + y;
            if (!r.flipHorizontal()) {
                System.arraycopy(p.data(), (sy * p.width() + r.x()) * c, out, y * r.width() * c, r.width() * c);
                continue;
            }
            for (int x = 0; x < r.width(); x++) {
                int sx = r.x() + r.width() - 1 - x;
                System.arraycopy(p.data(), (sy * p.width() + sx) * c, out, (y * r.width() + x) * c, c);
            }
        }
        return new Plane(out, r.width(), r.height(), c);
    }

    static Plane resize(Plane p, int width, int height) {
        while (p.width() >= 2 * width && p.height() >= 2 * height && p.width() >= 2 && p.height() >= 2) {
            p = halve(p);
        }
        return p.width() == width && p.height() == height ? p : bilinear(p, width, height);
    }

    private static Plane halve(Plane p) {
        int w = p.width() / 2;
        int h = p.height() / 2;
        int c = p.channels();
        byte[] s = p.data();
        byte[] out = new byte[w * h * c];
        int stride = p.width() * c;
        for (int y = 0; y < h; y++) {
            int row = 2 * y * stride;
            for (int x = 0; x < w; x++) {
                int a = row + 2 * x * c;
                for (int k = 0; k < c; k++) {
                    int sum = (s[a + k] & 0xFF)
                            + (s[a + c + k] & 0xFF)
                            + (s[a + stride + k] & 0xFF)
                            + (s[a + stride + c + k] & 0xFF);
                    out[(y * w + x) * c + k] = (byte) ((sum + 2) >> 2);
                }
            }
        }
        return new Plane(out, w, h, c);
    }

    private static Plane bilinear(Plane p, int width, int height) {
        int c = p.channels();
        byte[] s = p.data();
        byte[] out = new byte[width * height * c];
        double sx = (double) p.width() / width;
        double sy = (double) p.height() / height;
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, Math.min(p.height() - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, p.height() - 1);
            double wy = fy - y0;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, Math.min(p.width() - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, p.width() - 1);
                double wx = fx - x0;
                for (int k = 0; k < c; k++) {
                    double top = (s[(y0 * p.width() + x0) * c + k] & 0xFF) * (1 - wx)
                            + (s[(y0 * p.width() + x1) * c + k] & 0xFF) * wx;
                    double bottom = (s[(y1 * p.width() + x0) * c + k] & 0xFF) * (1 - wx)
                            + (s[(y1 * p.width() + x1) * c + k] & 0xFF) * wx;
                    out[(y * width + x) * c + k] = (byte) Math.round(top * (1 - wy) + bottom * wy);
                }
            }
        }
        return new Plane(out, width, height, c);
    }
}
