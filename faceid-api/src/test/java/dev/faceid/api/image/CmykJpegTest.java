package dev.faceid.api.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A four-channel (CMYK) JPEG, which the JDK cannot colour-convert by itself, still decodes to RGB. */
class CmykJpegTest {

    @Test
    @DisplayName("A 4-channel JPEG decodes to RGB with its colours (white and cyan halves)")
    void decodesFourChannelJpeg() throws Exception {
        int w = 32;
        int h = 16;
        WritableRaster raster = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Left half: no ink in the inverted convention (all 255) = white; right half: C inverted 0 = cyan.
                int c = x < w / 2 ? 255 : 0;
                raster.setPixel(x, y, new int[] {c, 255, 255, 255});
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
        FaceImage image = ImageLoader.defaults().decode(bytes.toByteArray(), "cmyk.jpg");
        assertEquals(w, image.width());
        assertEquals(h, image.height());
        byte[] rgb = new byte[w * h * 3];
        image.rgb().get(rgb);
        int left = (8 * w + 4) * 3;
        int right = (8 * w + 28) * 3;
        assertEquals(255, rgb[left] & 0xFF, 8);
        assertEquals(255, rgb[left + 2] & 0xFF, 8);
        assertEquals(0, rgb[right] & 0xFF, 8);
        assertEquals(255, rgb[right + 1] & 0xFF, 8);
        assertEquals(255, rgb[right + 2] & 0xFF, 8);
    }
}
