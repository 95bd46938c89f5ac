package dev.faceid.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** Converts the raw 4-band raster of a CMYK JPEG to RGB. Stateless. */
final class CmykConverter {
    private CmykConverter() {
    }

    /**
     * Adobe applications, which write nearly all CMYK JPEGs, store the inks inverted (255 = no ink); YCCK files
     * (Adobe transform 2) store the first three inverted inks as YCbCr, so those are converted to RGB first. Without an
     * ICC profile this naive conversion is as good as a colour-managed one for a face detector.
     */
    static BufferedImage toRgb(Raster raw, boolean ycck) {
        int w = raw.getWidth();
        int h = raw.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raw.getPixel(x, y, px);
                if (ycck) {
                    double luma = px[0];
                    double cb = px[1] - 128.0;
                    double cr = px[2] - 128.0;
                    px[0] = clamp(luma + 1.402 * cr);
                    px[1] = clamp(luma - 0.344136 * cb - 0.714136 * cr);
                    px[2] = clamp(luma + 1.772 * cb);
                }
                int k = px[3];
                int r = px[0] * k / 255;
                int g = px[1] * k / 255;
                int b = px[2] * k / 255;
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
