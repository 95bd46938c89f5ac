package dev.faceid.core.image;

import java.awt.image.BufferedImage;

/** Reads the JPEG metadata faceid needs (EXIF orientation, Adobe colour transform); applies the orientation. Stateless. */
final class Exif {
    private Exif() {
    }

    /** The orientation (1..8) from the first APP1 Exif segment, or 1 when absent or unreadable. */
    static int orientation(byte[] jpeg) {
        int[] segment = segment(jpeg, 0xE1, "Exif");
        if (segment == null) {
            return 1;
        }
        int o = orientationFromTiff(jpeg, segment[0] + 6, segment[1]);
        return o >= 1 && o <= 8 ? o : 1;
    }

    /** True if an APP14 "Adobe" segment declares the channels YCCK (transform 2), which the JDK decodes wrongly. */
    static boolean adobeYcck(byte[] jpeg) {
        int[] segment = segment(jpeg, 0xEE, "Adobe");
        return segment != null && segment[0] + 11 < segment[1] && jpeg[segment[0] + 11] == 2;
    }

    /**
     * The data bounds {@code [start, end)} of the first segment with {@code marker} whose data begins with
     * {@code id}, before the image data; null if there is none.
     */
    private static int[] segment(byte[] jpeg, int marker, String id) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int m = jpeg[pos + 1] & 0xFF;
            int len = u16(jpeg, pos + 2, true);
            if (m == 0xDA || len < 2) {
                break; // start of scan: no metadata after this
            }
            int start = pos + 4;
            int end = Math.min(jpeg.length, pos + 2 + len);
            if (m == marker && startsWith(jpeg, start, end, id)) {
                return new int[] {start, end};
            }
            pos += 2 + len;
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int start, int end, String id) {
        if (start + id.length() > end) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (b[start + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int orientationFromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean big = b[tiff] == 'M';
        int ifd = tiff + (int) u32(b, tiff + 4, big);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, ifd, big);
        for (int i = 0; i < entries; i++) {
            int e = ifd + 2 + i * 12;
            if (e + 12 > end) {
                return 1;
            }
            if (u16(b, e, big) == 0x0112) {
                return u16(b, e + 8, big);
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int i, boolean big) {
        int a = b[i] & 0xFF;
        int c = b[i + 1] & 0xFF;
        return big ? (a << 8) | c : (c << 8) | a;
    }

    private static long u32(byte[] b, int i, boolean big) {
        long hi = u16(b, big ? i : i + 2, big);
        long lo = u16(b, big ? i + 2 : i, big);
        return (hi << 16) | lo;
    }

    /** Returns the image as it should be displayed for the given EXIF orientation. */
    static BufferedImage applyOrientation(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int[] in = src.getRGB(0, 0, w, h, null, 0, w);
        boolean swap = orientation >= 5;
        int dw = swap ? h : w;
        int dh = swap ? w : h;
        int[] out = new int[in.length];
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                out[y * dw + x] = in[sy * w + sx];
            }
        }
        BufferedImage result = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, dw, dh, out, 0, dw);
        return result;
    }
}
