package dev.faceid.api.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** Converts the raw 4-band raster of a CMYK JPEG to RGB. Stateless. */
final class CmykConverter {
    private CmykConverter() {
    }

    /**
     * Adobe applications, which write nearly all CMYK JPEGs, store the inks inverted; without an ICC profile
     * the naive conversion below is as good as a colour-managed one for a face detector.
     */
    static BufferedImage toRgb(Raster cmyk) {
        int w = cmyk.getWidth();
        int h = cmyk.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cmyk.getPixel(x, y, px);
                int k = px[3];
                int r = px[0] * k / 255;
                int g = px[1] * k / 255;
                int b = px[2] * k / 255;
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }
}
