package dev.faceid.detect.mtcnn;

import java.nio.ByteBuffer;

/**
 * A summed-area table of an RGB image, from which pyramid levels and crops are resized by adaptive average pooling,
 * as the reference MTCNN (facenet-pytorch, {@code interpolate(mode='area')}) resizes them: output pixel {@code i} of
 * {@code n} taken from {@code N} source pixels is the plain mean of the whole source pixels
 * {@code [floor(i * N / n), ceil((i + 1) * N / n))}, rows and columns alike. Neighbouring bins may share a source
 * pixel, and an enlarged crop repeats or pairs up source pixels. Exact area averaging (partly covered pixels
 * weighted by their covered fraction) sounds closer to the paper but moves boxes by 2 to 6 pixels from the
 * reference's, and OpenCV's {@code INTER_AREA} switches to bilinear interpolation when enlarging.
 *
 * <p>Every bin is a rectangle of whole pixels, so its sum is four look-ups whatever its size. The sums are kept in
 * {@code int}s and may wrap around on a very large image; the difference of a bin's four corners is still exact,
 * because a bin's true sum is far below {@code 2^31}.
 *
 * <p>Immutable after construction and thread-safe.
 */
final class IntegralImage {
    private final int width;
    private final int height;
    /** {@code (height + 1) x (width + 1) x 3}: the sums of each channel over {@code [0, x) x [0, y)}. */
    private final int[] table;

    IntegralImage(ByteBuffer rgb, int width, int height) {
        this.width = width;
        this.height = height;
        int stride = (width + 1) * 3;
        int[] t = new int[(height + 1) * stride];
        byte[] row = new byte[width * 3];
        for (int y = 0; y < height; y++) {
            rgb.get(y * width * 3, row);
            int r = 0;
            int g = 0;
            int b = 0;
            int above = y * stride + 3;
            int at = above + stride;
            for (int x = 0; x < row.length; x += 3) {
                r += row[x] & 0xFF;
                g += row[x + 1] & 0xFF;
                b += row[x + 2] & 0xFF;
                t[at] = t[above] + r;
                t[at + 1] = t[above + 1] + g;
                t[at + 2] = t[above + 2] + b;
                at += 3;
                above += 3;
            }
        }
        this.table = t;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Pools the region {@code [x0, x0 + regionWidth) x [y0, y0 + regionHeight)}, which must lie inside the image,
     * to {@code dw x dh} pixels and writes them planar (CHW) into {@code dst} at {@code offset}, each value as
     * {@code (v - mean) * scale}.
     */
    void pool(int x0, int y0, int regionWidth, int regionHeight, int dw, int dh, float[] dst, int offset,
              float mean, float scale) {
        if (x0 < 0 || y0 < 0 || regionWidth < 1 || regionHeight < 1 || x0 + regionWidth > width
                || y0 + regionHeight > height) {
            throw new IllegalArgumentException("Region (" + x0 + ", " + y0 + ") " + regionWidth + "x" + regionHeight
                    + " is not inside the " + width + "x" + height + " image");
        }
        int[] from = new int[dw];
        int[] to = new int[dw];
        for (int i = 0; i < dw; i++) {
            from[i] = (x0 + binStart(i, regionWidth, dw)) * 3;
            to[i] = (x0 + binEnd(i, regionWidth, dw)) * 3;
        }
        int stride = (width + 1) * 3;
        int plane = dw * dh;
        int[] t = table;
        for (int j = 0; j < dh; j++) {
            int ys = y0 + binStart(j, regionHeight, dh);
            int ye = y0 + binEnd(j, regionHeight, dh);
            int top = ys * stride;
            int bottom = ye * stride;
            int red = offset + j * dw;
            int green = red + plane;
            int blue = green + plane;
            for (int i = 0; i < dw; i++) {
                int a = top + from[i];
                int b = top + to[i];
                int c = bottom + from[i];
                int d = bottom + to[i];
                float inverseCount = 1f / ((ye - ys) * (to[i] - from[i]) / 3);
                dst[red + i] = ((t[d] - t[c] - t[b] + t[a]) * inverseCount - mean) * scale;
                dst[green + i] = ((t[d + 1] - t[c + 1] - t[b + 1] + t[a + 1]) * inverseCount - mean) * scale;
                dst[blue + i] = ((t[d + 2] - t[c + 2] - t[b + 2] + t[a + 2]) * inverseCount - mean) * scale;
            }
        }
    }

    /** {@code floor(i * n / out)}: where output bin {@code i} starts. */
    static int binStart(int i, int n, int out) {
        return (int) ((long) i * n / out);
    }

    /** {@code ceil((i + 1) * n / out)}: where output bin {@code i} ends, exclusive. */
    static int binEnd(int i, int n, int out) {
        return (int) (((long) (i + 1) * n + out - 1) / out);
    }
}
