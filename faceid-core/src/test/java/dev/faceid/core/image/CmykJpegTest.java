package dev.faceid.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceid.api.image.FaceImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Four-channel JPEGs decode to the right RGB colours: plain and Adobe CMYK, which the JDK converts itself, and Adobe
 * YCCK, whose colours the JDK gets wrong and faceid converts. Each image is white on the left and cyan on the right.
 */
class CmykJpegTest {
    private static final int W = 32;
    private static final int H = 16;
    /** Inverted inks as Adobe stores them: white is no ink (255), cyan is full cyan (0) and no other ink. */
    private static final int[] WHITE_CMYK = {255, 255, 255, 255};
    private static final int[] CYAN_CMYK = {0, 255, 255, 255};
    /** The same inverted inks with the first three as YCbCr, as Adobe's transform 2 stores them. */
    private static final int[] WHITE_YCCK = {255, 128, 128, 255};
    private static final int[] CYAN_YCCK = {179, 171, 1, 255};

    @Test
    @DisplayName("A 4-channel JPEG without Adobe marker decodes to white and cyan")
    void plainFourChannel() throws Exception {
        assertWhiteAndCyan(ImageLoader.defaults().decode(fourChannelJpeg(WHITE_CMYK, CYAN_CMYK, -1), "cmyk.jpg"));
    }

    @Test
    @DisplayName("An Adobe CMYK JPEG (transform 0) decodes to white and cyan")
    void adobeCmyk() throws Exception {
        assertWhiteAndCyan(ImageLoader.defaults().decode(fourChannelJpeg(WHITE_CMYK, CYAN_CMYK, 0), "cmyk.jpg"));
    }

    @Test
    @DisplayName("An Adobe YCCK JPEG (transform 2) decodes to white and cyan")
    void adobeYcck() throws Exception {
        assertWhiteAndCyan(ImageLoader.defaults().decode(fourChannelJpeg(WHITE_YCCK, CYAN_YCCK, 2), "ycck.jpg"));
    }

    /** A JPEG of raw 4-channel samples, with an APP14 "Adobe" segment declaring {@code transform} unless it is -1. */
    private static byte[] fourChannelJpeg(int[] left, int[] right, int transform) throws Exception {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, W, H, 4, null);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                raster.setPixel(x, y, x < W / 2 ? left : right);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] plain = bytes.toByteArray();
        if (transform < 0) {
            return plain;
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] jpeg = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, jpeg, 0, 2);
        System.arraycopy(adobe, 0, jpeg, 2, adobe.length);
        System.arraycopy(plain, 2, jpeg, 2 + adobe.length, plain.length - 2);
        return jpeg;
    }

    private static void assertWhiteAndCyan(FaceImage image) {
        assertEquals(W, image.width());
        assertEquals(H, image.height());
        byte[] rgb = new byte[W * H * 3];
        image.rgb().get(rgb);
        int left = (8 * W + 4) * 3;
        int right = (8 * W + 28) * 3;
        assertEquals(255, rgb[left] & 0xFF, 8, "white R");
        assertEquals(255, rgb[left + 1] & 0xFF, 8, "white G");
        assertEquals(255, rgb[left + 2] & 0xFF, 8, "white B");
        assertEquals(0, rgb[right] & 0xFF, 8, "cyan R");
        assertEquals(255, rgb[right + 1] & 0xFF, 8, "cyan G");
        assertEquals(255, rgb[right + 2] & 0xFF, 8, "cyan B");
    }
}
