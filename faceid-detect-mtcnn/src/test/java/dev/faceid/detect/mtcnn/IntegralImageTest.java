package dev.faceid.detect.mtcnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pooling from the summed-area table equals a brute-force adaptive average pooling. */
class IntegralImageTest {
    private static final int W = 37;
    private static final int H = 23;

    /** The plain mean of channel {@code c} over the whole pixels {@code [x0, x1) x [y0, y1)}. */
    private static double mean(byte[] rgb, int x0, int y0, int x1, int y1, int c) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += rgb[(y * W + x) * 3 + c] & 0xFF;
            }
        }
        return sum / ((x1 - x0) * (y1 - y0));
    }

    @ParameterizedTest(name = "region ({0}, {1}) size {2}x{3} to {4}x{5}")
    @CsvSource({
        "0, 0, 37, 23, 12, 8",     // pyramid level: shrink the whole image, bins of 3 or 4 pixels
        "3, 2, 10, 10, 24, 24",    // enlarge a small crop (R-Net input from a small face): pixels repeat
        "0, 0, 20, 15, 48, 48",    // enlarge, unequal axes
        "30, 18, 7, 5, 5, 7",      // shrink one axis, enlarge the other
        "0, 0, 37, 23, 37, 23"})   // identity
    @DisplayName("Each output pixel is the mean of the whole source pixels [floor(i*N/n), ceil((i+1)*N/n))")
    void matchesBruteForce(int x0, int y0, int rw, int rh, int dw, int dh) {
        byte[] rgb = new byte[W * H * 3];
        new Random(42).nextBytes(rgb);
        IntegralImage image = new IntegralImage(ByteBuffer.wrap(rgb), W, H);
        float[] out = new float[3 * dw * dh];
        image.pool(x0, y0, rw, rh, dw, dh, out, 0, 0, 1);
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < dh; j++) {
                for (int i = 0; i < dw; i++) {
                    double expected = mean(rgb, x0 + (int) Math.floor((double) i * rw / dw),
                            y0 + (int) Math.floor((double) j * rh / dh), x0 + (int) Math.ceil((i + 1.0) * rw / dw),
                            y0 + (int) Math.ceil((j + 1.0) * rh / dh), c);
                    assertEquals(expected, out[c * dw * dh + j * dw + i], 1e-4, "c" + c + " (" + i + "," + j + ")");
                }
            }
        }
    }

    @Test
    @DisplayName("Sums that overflow an int on a large image still give exact bin means")
    void largeImage() {
        int w = 4000;
        int h = 3000; // 12 Mpx of 255: a total of 3.06e9, beyond Integer.MAX_VALUE
        byte[] rgb = new byte[w * h * 3];
        java.util.Arrays.fill(rgb, (byte) 255);
        rgb[(h - 1) * w * 3 + (w - 1) * 3] = 0; // the bottom-right red value
        float[] out = new float[3 * 2 * 2];
        new IntegralImage(ByteBuffer.wrap(rgb), w, h).pool(w - 4, h - 2, 4, 2, 2, 2, out, 0, 0, 1);
        assertEquals(127.5, out[3], 1e-4); // red, bottom-right bin: (255 + 0) / 2
        assertEquals(255, out[0], 1e-4);
        assertEquals(255, out[4 + 3], 1e-4);
    }

    @Test
    @DisplayName("A region outside the image is refused rather than read as garbage")
    void regionOutsideImage() {
        IntegralImage image = new IntegralImage(ByteBuffer.wrap(new byte[W * H * 3]), W, H);
        assertThrows(IllegalArgumentException.class, () -> image.pool(-1, 0, 5, 5, 2, 2, new float[12], 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> image.pool(35, 0, 5, 5, 2, 2, new float[12], 0, 0, 1));
    }

    @ParameterizedTest(name = "mean {0}, scale {1}")
    @CsvSource({"127.5, 0.0078125", "0, 1"})
    @DisplayName("Normalisation is applied to every output value")
    void normalises(float mean, float scale) {
        byte[] rgb = new byte[W * H * 3];
        java.util.Arrays.fill(rgb, (byte) 200);
        float[] out = new float[3 * 4];
        new IntegralImage(ByteBuffer.wrap(rgb), W, H).pool(1, 1, 8, 8, 2, 2, out, 0, mean, scale);
        for (float v : out) {
            assertEquals((200 - mean) * scale, v, 1e-4);
        }
    }
}
