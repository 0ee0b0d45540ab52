package org.opendicomweb.imaging;

import java.util.Arrays;

/**
 * What the JPEG-LS encoder and decoder share for one scan (ISO 14495-1 Annex A): the coding parameters, the
 * context variables and their updates, which both sides must carry out identically for a codestream to decode.
 */
abstract class JpegLsScanState {
    /** The order of the run length of each run index (§A.7.1.1). */
    static final int[] J = {
        0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15
    };

    final int maxVal;
    final int near;
    final int reset;
    final int range;
    final int qbpp;
    final int limit;
    final int t1;
    final int t2;
    final int t3;
    // Regular contexts 0..364, run interruption contexts 365 and 366.
    final int[] a = new int[367];
    final int[] b = new int[367];
    final int[] c = new int[365];
    final int[] n = new int[367];
    final int[] nn = new int[367];
    /** Per component of the scan. */
    final int[] runIndex;

    JpegLsScanState(int maxVal, int near, int reset, int[] thresholds, int components) {
        this.maxVal = maxVal;
        this.near = near;
        this.reset = reset;
        this.range = (maxVal + 2 * near) / (2 * near + 1) + 1;
        this.qbpp = ceilLog2(range);
        int bpp = Math.max(2, ceilLog2(maxVal + 1));
        this.limit = 2 * (bpp + Math.max(8, bpp));
        this.t1 = thresholds[0];
        this.t2 = thresholds[1];
        this.t3 = thresholds[2];
        Arrays.fill(a, Math.max(2, (range + 32) / 64));
        Arrays.fill(n, 1);
        this.runIndex = new int[components];
    }

    /** Default thresholds (§C.2.4.1.1). */
    static int[] defaultThresholds(int maxVal, int near) {
        int t1;
        int t2;
        int t3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            t1 = clamp(factor * (3 - 2) + 2 + 3 * near, near + 1, maxVal);
            t2 = clamp(factor * (7 - 3) + 3 + 5 * near, t1, maxVal);
            t3 = clamp(factor * (21 - 4) + 4 + 7 * near, t2, maxVal);
        } else {
            int factor = 256 / (maxVal + 1);
            t1 = clamp(Math.max(2, 3 / factor + 3 * near), near + 1, maxVal);
            t2 = clamp(Math.max(3, 7 / factor + 5 * near), t1, maxVal);
            t3 = clamp(Math.max(4, 21 / factor + 7 * near), t2, maxVal);
        }
        return new int[] {t1, t2, t3};
    }

    private static int clamp(int i, int j, int maxVal) {
        return i > maxVal || i < j ? j : i;
    }

    static int ceilLog2(int v) {
        int k = 0;
        while ((1 << k) < v) {
            k++;
        }
        return k;
    }

    /** A local gradient quantized into one of nine regions (§A.3.3). */
    final int quantize(int d) {
        if (d <= -t3) {
            return -4;
        }
        if (d <= -t2) {
            return -3;
        }
        if (d <= -t1) {
            return -2;
        }
        if (d < -near) {
            return -1;
        }
        if (d <= near) {
            return 0;
        }
        if (d < t1) {
            return 1;
        }
        if (d < t2) {
            return 2;
        }
        return d < t3 ? 3 : 4;
    }

    /** The Golomb parameter of regular context {@code q} (§A.5.1). */
    final int regularK(int q) {
        int k = 0;
        while ((n[q] << k) < a[q]) {
            k++;
        }
        return k;
    }

    /** The Golomb parameter of run interruption context {@code q} (§A.7.2.1). */
    final int runK(int q, int riType) {
        int temp = riType == 0 ? a[q] : a[q] + (n[q] >> 1);
        int k = 0;
        while ((n[q] << k) < temp) {
            k++;
        }
        return k;
    }

    /** Context update and bias correction after a regular-mode sample (§A.6). */
    final void updateRegular(int q, int errval) {
        b[q] += errval * (2 * near + 1);
        a[q] += Math.abs(errval);
        if (n[q] == reset) {
            a[q] >>= 1;
            b[q] >>= 1;
            n[q] >>= 1;
        }
        n[q]++;
        if (b[q] <= -n[q]) {
            b[q] += n[q];
            if (c[q] > -128) {
                c[q]--;
            }
            if (b[q] <= -n[q]) {
                b[q] = -n[q] + 1;
            }
        } else if (b[q] > 0) {
            b[q] -= n[q];
            if (c[q] < 127) {
                c[q]++;
            }
            if (b[q] > 0) {
                b[q] = 0;
            }
        }
    }

    /** Context update after a run interruption sample (§A.7.2.2), and the run index stepping back. */
    final void updateRunInterruption(int q, int riType, int errval, int emErrval, int component) {
        if (errval < 0) {
            nn[q]++;
        }
        a[q] += (emErrval + 1 - riType) >> 1;
        if (n[q] == reset) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[q] >>= 1;
        }
        n[q]++;
        if (runIndex[component] > 0) {
            runIndex[component]--;
        }
    }

    /**
     * The context of three quantized gradients (§A.3.4): its number, negated when the first non-zero gradient is
     * negative and the context is read with the sign reversed. Context 0 (all gradients 0) is never negated.
     */
    static int signedContext(int q1, int q2, int q3) {
        if (q1 < 0 || (q1 == 0 && (q2 < 0 || (q2 == 0 && q3 < 0)))) {
            return -(81 * -q1 + 9 * -q2 - q3);
        }
        return 81 * q1 + 9 * q2 + q3;
    }

    /** The prediction of the median edge detector, corrected by context {@code q}'s bias and clamped (§A.4.2). */
    final int correctedPrediction(int q, int sign, int ra, int rb, int rc) {
        int px = predict(ra, rb, rc) + sign * c[q];
        return px < 0 ? 0 : Math.min(px, maxVal);
    }

    /** The median edge detector (§A.4.1). */
    static int predict(int ra, int rb, int rc) {
        if (rc >= Math.max(ra, rb)) {
            return Math.min(ra, rb);
        }
        if (rc <= Math.min(ra, rb)) {
            return Math.max(ra, rb);
        }
        return ra + rb - rc;
    }
}
