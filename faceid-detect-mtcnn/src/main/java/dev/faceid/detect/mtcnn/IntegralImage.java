package dev.faceid.detect.mtcnn;

import java.nio.ByteBuffer;

/**
 * A summed-area table of an RGB image, from which any axis-aligned region, fractional corners included, can be
 * resampled by exact area averaging: every output pixel is the mean of the source area it covers, with partly
 * covered source pixels weighted by the covered fraction. This is how the reference MTCNN resizes its pyramid levels
 * and crops. OpenCV's {@code INTER_AREA} is not used because it switches to bilinear interpolation when enlarging
 * (small crops are enlarged to 24 and 48 pixels) and rounds in fixed point, which moves boxes by a few percent.
 *
 * <p>The integral of a piecewise-constant image is bilinear between pixel corners, so the integral up to any real
 * point is a bilinear interpolation of the table, and a region's area average costs four such look-ups whatever the
 * region's size. The image is taken as zero outside its bounds, which is exactly the zero padding MTCNN applies to
 * crops that leave the image.
 *
 * <p>Immutable after construction and thread-safe.
 */
final class IntegralImage {
    private final int width;
    private final int height;
    /** {@code (height + 1) x (width + 1) x 3}: the sums of each channel over {@code [0, x) x [0, y)}. */
    private final double[] table;

    IntegralImage(ByteBuffer rgb, int width, int height) {
        this.width = width;
        this.height = height;
        int stride = (width + 1) * 3;
        double[] t = new double[(height + 1) * stride];
        for (int y = 0; y < height; y++) {
            double r = 0;
            double g = 0;
            double b = 0;
            int src = y * width * 3;
            int above = y * stride;
            int row = (y + 1) * stride;
            for (int x = 0; x < width; x++) {
                r += rgb.get(src) & 0xFF;
                g += rgb.get(src + 1) & 0xFF;
                b += rgb.get(src + 2) & 0xFF;
                src += 3;
                int o = (x + 1) * 3;
                t[row + o] = t[above + o] + r;
                t[row + o + 1] = t[above + o + 1] + g;
                t[row + o + 2] = t[above + o + 2] + b;
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
     * Resamples the region {@code [x0, x0 + regionWidth) x [y0, y0 + regionHeight)} to {@code dw x dh} pixels and
     * writes them planar (CHW) into {@code dst} at {@code offset}, each value as {@code (v - mean) * scale}.
     */
    void resample(double x0, double y0, double regionWidth, double regionHeight, int dw, int dh, float[] dst,
                  int offset, float mean, float scale) {
        double sx = regionWidth / dw;
        double sy = regionHeight / dh;
        // Integrals at the corners of the output grid: (dh + 1) x (dw + 1) x 3.
        double[] corner = new double[(dh + 1) * (dw + 1) * 3];
        int[] xi = new int[dw + 1];
        double[] xf = new double[dw + 1];
        for (int i = 0; i <= dw; i++) {
            double x = Math.max(0, Math.min(width, x0 + i * sx));
            xi[i] = Math.min((int) x, width - 1);
            xf[i] = x - xi[i];
        }
        int stride = (width + 1) * 3;
        double[] t = table;
        for (int j = 0; j <= dh; j++) {
            double y = Math.max(0, Math.min(height, y0 + j * sy));
            int yi = Math.min((int) y, height - 1);
            double yf = y - yi;
            int top = yi * stride;
            int bottom = top + stride;
            int out = j * (dw + 1) * 3;
            for (int i = 0; i <= dw; i++) {
                int a = top + xi[i] * 3;
                int b = bottom + xi[i] * 3;
                double fx = xf[i];
                double r0 = t[a] + fx * (t[a + 3] - t[a]);
                double g0 = t[a + 1] + fx * (t[a + 4] - t[a + 1]);
                double b0 = t[a + 2] + fx * (t[a + 5] - t[a + 2]);
                double r1 = t[b] + fx * (t[b + 3] - t[b]);
                double g1 = t[b + 1] + fx * (t[b + 4] - t[b + 1]);
                double b1 = t[b + 2] + fx * (t[b + 5] - t[b + 2]);
                int o = out + i * 3;
                corner[o] = r0 + yf * (r1 - r0);
                corner[o + 1] = g0 + yf * (g1 - g0);
                corner[o + 2] = b0 + yf * (b1 - b0);
            }
        }
        double inverseArea = 1.0 / (sx * sy);
        int plane = dw * dh;
        int row = (dw + 1) * 3;
        int red = offset;
        int green = offset + plane;
        int blue = offset + 2 * plane;
        for (int j = 0; j < dh; j++) {
            int top = j * row;
            int bottom = top + row;
            int line = j * dw;
            for (int i = 0; i < dw; i++) {
                int a = top + i * 3;
                int b = bottom + i * 3;
                double r = corner[b + 3] - corner[b] - corner[a + 3] + corner[a];
                double g = corner[b + 4] - corner[b + 1] - corner[a + 4] + corner[a + 1];
                double bl = corner[b + 5] - corner[b + 2] - corner[a + 5] + corner[a + 2];
                dst[red + line + i] = ((float) (r * inverseArea) - mean) * scale;
                dst[green + line + i] = ((float) (g * inverseArea) - mean) * scale;
                dst[blue + line + i] = ((float) (bl * inverseArea) - mean) * scale;
            }
        }
    }
}
