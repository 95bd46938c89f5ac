package dev.faceid.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.error.ImageException;
import dev.faceid.api.error.ImageTooLargeException;
import dev.faceid.api.image.FaceImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding generated PNG and JPEG images into 8-bit RGB {@link FaceImage}s: pixel types, the pixel limit, error
 * reporting and EXIF orientation.
 */
class ImageLoaderTest {

    private static final int RED = 0xFF0000;
    private static final int WHITE = 0xFFFFFF;

    @TempDir
    Path dir;

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(img, format, out), "ImageIO has a writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RGB triple at (x, y) as 0xRRGGBB. */
    private static int rgb(FaceImage f, int x, int y) {
        ByteBuffer b = f.rgb();
        int i = (y * f.width() + x) * 3;
        return (b.get(i) & 0xFF) << 16 | (b.get(i + 1) & 0xFF) << 8 | (b.get(i + 2) & 0xFF);
    }

    private static boolean isRed(int rgb) {
        return (rgb >> 16 & 0xFF) > 200 && (rgb >> 8 & 0xFF) < 60 && (rgb & 0xFF) < 60;
    }

    private static boolean isWhite(int rgb) {
        return (rgb >> 16 & 0xFF) > 200 && (rgb >> 8 & 0xFF) > 200 && (rgb & 0xFF) > 200;
    }

    private static void assertSize(FaceImage f, int w, int h) {
        assertEquals(w, f.width());
        assertEquals(h, f.height());
        assertEquals(w * h * 3, f.rgb().remaining());
    }

    @Test
    @DisplayName("An RGB PNG decodes losslessly with its size and name")
    void rgbPng() {
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                img.setRGB(x, y, (x * 30) << 16 | (y * 50) << 8 | (x + y));
            }
        }
        FaceImage f = ImageLoader.defaults().decode(encode(img, "png"), "rgb.png");
        assertSize(f, 7, 5);
        assertEquals("rgb.png", f.name());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(img.getRGB(x, y) & 0xFFFFFF, rgb(f, x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    @DisplayName("A JPEG file read from disk decodes to RGB of the right size, colours approximately kept")
    void jpegFromFile() throws IOException {
        BufferedImage img = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        fill(img, 0, 0, 48, 32, RED);
        Path file = Files.write(dir.resolve("face.jpg"), encode(img, "jpg"));
        FaceImage f = ImageLoader.defaults().read(file);
        assertSize(f, 48, 32);
        assertTrue(isRed(rgb(f, 20, 20)), Integer.toHexString(rgb(f, 20, 20)));
        assertEquals(file.toString(), f.name());
    }

    @Test
    @DisplayName("An 8-bit grayscale PNG becomes RGB with R = G = B")
    void grayscale() {
        BufferedImage img = new BufferedImage(6, 4, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(1, 2, 0, 255);
        FaceImage f = ImageLoader.defaults().decode(encode(img, "png"), "gray.png");
        assertSize(f, 6, 4);
        assertEquals(0xFFFFFF, rgb(f, 1, 2));
        assertEquals(0x000000, rgb(f, 0, 0));
    }

    @Test
    @DisplayName("A 16-bit grayscale PNG becomes 8-bit RGB: full scale white stays white")
    void sixteenBitGray() {
        BufferedImage img = new BufferedImage(5, 3, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(4, 2, 0, 65535);
        byte[] png = encode(img, "png");
        FaceImage f = ImageLoader.defaults().decode(png, "gray16.png");
        assertSize(f, 5, 3);
        assertEquals(0xFFFFFF, rgb(f, 4, 2));
        assertEquals(0x000000, rgb(f, 0, 0));
        assertSize(FaceImage.of(img), 5, 3);
    }

    @Test
    @DisplayName("An ARGB PNG drops alpha: opaque colours are kept, transparency is composited over black")
    void alpha() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0xFF00FF00); // opaque green
        img.setRGB(1, 0, 0x00FFFFFF); // fully transparent white
        FaceImage f = ImageLoader.defaults().decode(encode(img, "png"), "alpha.png");
        assertSize(f, 3, 2);
        assertEquals(0x00FF00, rgb(f, 0, 0));
        assertEquals(0x000000, rgb(f, 1, 0));
    }

    @Test
    @DisplayName("decode(InputStream) gives the same image as decode(byte[])")
    void decodeStream() {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(2, 3, 0x123456);
        byte[] png = encode(img, "png");
        FaceImage a = ImageLoader.defaults().decode(new ByteArrayInputStream(png), "s.png");
        assertEquals(0x123456, rgb(a, 2, 3));
        assertEquals(a.rgb(), ImageLoader.defaults().decode(png, "s.png").rgb());
    }

    @Test
    @DisplayName("A 3000x3000 image over a 1 MP limit is rejected with ImageTooLargeException naming the size")
    void pixelLimit() {
        byte[] png = encode(new BufferedImage(3000, 3000, BufferedImage.TYPE_BYTE_GRAY), "png");
        ImageLoader loader = ImageLoader.withMaxPixels(1_000_000);
        assertEquals(1_000_000, loader.maxPixels());
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class, () -> loader.decode(png, "big.png"));
        assertTrue(e.getMessage().contains("big.png") && e.getMessage().contains("3000x3000"), e.getMessage());
    }

    @Test
    @DisplayName("The pixel limit is checked from the header alone: PNG signature and IHDR without pixel data")
    void pixelLimitFromHeaderOnly() {
        byte[] png = encode(new BufferedImage(3000, 3000, BufferedImage.TYPE_BYTE_GRAY), "png");
        byte[] headerOnly = Arrays.copyOf(png, 8 + 25); // signature + IHDR chunk, no IDAT at all
        assertThrows(ImageTooLargeException.class,
                () -> ImageLoader.withMaxPixels(1_000_000).decode(headerOnly, "bomb.png"));
        // With a generous limit the same bytes fail only because pixels are missing, proving the check came first.
        ImageException e = assertThrows(ImageException.class,
                () -> ImageLoader.defaults().decode(headerOnly, "bomb.png"));
        assertFalse(e instanceof ImageTooLargeException);
    }

    @Test
    @DisplayName("An image of exactly the pixel limit is accepted, one pixel more is not")
    void pixelLimitBoundary() {
        byte[] png = encode(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "png");
        assertSize(ImageLoader.withMaxPixels(10_000).decode(png, "ok.png"), 100, 100);
        assertThrows(ImageTooLargeException.class, () -> ImageLoader.withMaxPixels(9_999).decode(png, "no.png"));
        assertThrows(IllegalArgumentException.class, () -> ImageLoader.withMaxPixels(0));
    }

    @Test
    @DisplayName("Random bytes are not an image: ImageException naming the source")
    void corruptBytes() {
        byte[] junk = new byte[512];
        new Random(7).nextBytes(junk);
        ImageException e = assertThrows(ImageException.class,
                () -> ImageLoader.defaults().decode(junk, "junk.bin"));
        assertTrue(e.getMessage().contains("junk.bin"), e.getMessage());
        assertThrows(ImageException.class, () -> ImageLoader.defaults().decode(new byte[0], "empty.jpg"));
    }

    @Test
    @DisplayName("A JPEG truncated anywhere (header, scan data, or only the end marker) gives ImageException")
    void truncatedJpeg() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | ((x ^ y) & 0xFF));
            }
        }
        byte[] jpeg = encode(img, "jpg");
        int n = jpeg.length;
        for (int len : new int[] {4, 20, 100, n / 3, n / 2, 2 * n / 3, n - 100, n - 10, n - 2}) {
            ImageException e = assertThrows(ImageException.class,
                    () -> ImageLoader.defaults().decode(Arrays.copyOf(jpeg, len), "cut.jpg"),
                    "truncated to " + len + " of " + n + " bytes");
            assertTrue(e.getMessage().contains("cut.jpg"), e.getMessage());
        }
        assertSize(ImageLoader.defaults().decode(jpeg, "whole.jpg"), 64, 48);
    }

    @Test
    @DisplayName("A truncated PNG gives ImageException naming the source")
    void truncatedPng() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        new Random(3).ints(64 * 48).forEach(v -> img.setRGB(Math.floorMod(v, 64), Math.floorMod(v >> 8, 48), v));
        byte[] png = encode(img, "png");
        ImageException e = assertThrows(ImageException.class,
                () -> ImageLoader.defaults().decode(Arrays.copyOf(png, png.length / 2), "cut.png"));
        assertTrue(e.getMessage().contains("cut.png"), e.getMessage());
    }

    @Test
    @DisplayName("A missing file gives ImageException naming the path")
    void missingFile() {
        Path missing = dir.resolve("nope.jpg");
        ImageException e = assertThrows(ImageException.class, () -> ImageLoader.defaults().read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    // ---- EXIF orientation ------------------------------------------------------------------------------------

    /** A 48x32 white JPEG with a 16x16 red marker in the top-left corner (aligned to the JPEG's 16x16 blocks). */
    private static byte[] markedJpeg() {
        BufferedImage img = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        fill(img, 0, 0, 48, 32, WHITE);
        fill(img, 0, 0, 16, 16, RED);
        return encode(img, "jpg");
    }

    private static void fill(BufferedImage img, int x0, int y0, int w, int h, int rgb) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
    }

    /** An APP1 Exif segment whose IFD0 holds one entry: Orientation (0x0112, SHORT) = {@code orientation}. */
    private static byte[] exifSegment(int orientation, boolean bigEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN
                : java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put(bigEndian ? (byte) 'M' : (byte) 'I').put(bigEndian ? (byte) 'M' : (byte) 'I');
        tiff.putShort((short) 42).putInt(8);              // TIFF header, IFD0 at offset 8
        tiff.putShort((short) 1);                         // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);                                   // no next IFD
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        int len = 2 + exifHeader.length + tiff.capacity();
        ByteBuffer seg = ByteBuffer.allocate(2 + len);
        seg.put((byte) 0xFF).put((byte) 0xE1).putShort((short) len).put(exifHeader).put(tiff.array());
        return seg.array();
    }

    /** {@code jpeg} with {@code segment} inserted right after SOI, as cameras write it. */
    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        assertEquals(0xFF, jpeg[0] & 0xFF);
        assertEquals(0xD8, jpeg[1] & 0xFF);
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    @Test
    @DisplayName("Without EXIF the marker stays top-left (control for the orientation tests)")
    void noExif() {
        byte[] jpeg = markedJpeg();
        assertEquals(1, Exif.orientation(jpeg));
        FaceImage f = ImageLoader.defaults().decode(jpeg, "plain.jpg");
        assertSize(f, 48, 32);
        assertTrue(isRed(rgb(f, 8, 8)));
        assertTrue(isWhite(rgb(f, 40, 24)));
    }

    @Test
    @DisplayName("EXIF orientation 6 (rotate 90 degrees clockwise): size swaps and the top-left marker goes top-right")
    void orientation6() {
        byte[] jpeg = insertAfterSoi(markedJpeg(), exifSegment(6, true));
        assertEquals(6, Exif.orientation(jpeg));
        FaceImage f = ImageLoader.defaults().decode(jpeg, "rot6.jpg");
        assertSize(f, 32, 48);
        assertTrue(isRed(rgb(f, 24, 8)), "top-right: " + Integer.toHexString(rgb(f, 24, 8)));
        assertTrue(isWhite(rgb(f, 8, 8)), "top-left is no longer red");
        assertTrue(isWhite(rgb(f, 8, 40)));
        assertTrue(isWhite(rgb(f, 24, 40)));
    }

    @Test
    @DisplayName("EXIF orientation 3 (rotate 180 degrees), little-endian TIFF: the marker goes bottom-right")
    void orientation3() {
        byte[] jpeg = insertAfterSoi(markedJpeg(), exifSegment(3, false));
        assertEquals(3, Exif.orientation(jpeg));
        FaceImage f = ImageLoader.defaults().decode(jpeg, "rot3.jpg");
        assertSize(f, 48, 32);
        assertTrue(isRed(rgb(f, 40, 24)), "bottom-right: " + Integer.toHexString(rgb(f, 40, 24)));
        assertTrue(isWhite(rgb(f, 8, 8)));
    }

    @Test
    @DisplayName("EXIF orientation 8 (rotate 90 degrees counter-clockwise): the marker goes bottom-left")
    void orientation8() {
        FaceImage f = ImageLoader.defaults().decode(insertAfterSoi(markedJpeg(), exifSegment(8, true)), "r8.jpg");
        assertSize(f, 32, 48);
        assertTrue(isRed(rgb(f, 8, 40)), Integer.toHexString(rgb(f, 8, 40)));
        assertTrue(isWhite(rgb(f, 8, 8)));
    }

    @Test
    @DisplayName("An out-of-range orientation value (9) is ignored: the image is not rotated")
    void invalidOrientationIgnored() {
        byte[] jpeg = insertAfterSoi(markedJpeg(), exifSegment(9, true));
        assertEquals(1, Exif.orientation(jpeg));
        FaceImage f = ImageLoader.defaults().decode(jpeg, "r9.jpg");
        assertSize(f, 48, 32);
        assertTrue(isRed(rgb(f, 8, 8)));
    }

    @Test
    @DisplayName("FaceImage.ofRgb validates its size and copies its input")
    void faceImageOfRgb() {
        byte[] px = {1, 2, 3, 4, 5, 6};
        FaceImage f = FaceImage.ofRgb(2, 1, px);
        px[0] = 99;
        assertEquals(0x010203, rgb(f, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> FaceImage.ofRgb(2, 2, px));
        assertThrows(IllegalArgumentException.class, () -> FaceImage.ofRgb(0, 1, new byte[0]));
        assertInstanceOf(ByteBuffer.class, f.rgb());
        assertTrue(f.rgb().isReadOnly());
        assertEquals(0x040506, rgb(f.mirrored(), 0, 0));
    }
}
