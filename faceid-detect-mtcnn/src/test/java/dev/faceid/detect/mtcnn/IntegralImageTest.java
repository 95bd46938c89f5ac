package dev.faceid.detect.mtcnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resampling from the summed-area table equals a brute-force exact area average, zero padding included. */
class IntegralImageTest {
    private static final int W = 37;
    private static final int H = 23;

    /** The mean of the zero-extended image over a real rectangle, pixel by pixel with covered fractions. */
    private static double bruteForce(byte[] rgb, double x0, double y0, double x1, double y1, int c) {
        double sum = 0;
        for (int y = (int) Math.floor(y0); y < Math.ceil(y1); y++) {
            for (int x = (int) Math.floor(x0); x < Math.ceil(x1); x++) {
                double cover = (Math.min(x1, x + 1) - Math.max(x0, x)) * (Math.min(y1, y + 1) - Math.max(y0, y));
                if (cover > 0 && x >= 0 && y >= 0 && x < W && y < H) {
                    sum += cover * (rgb[(y * W + x) * 3 + c] & 0xFF);
                }
            }
        }
        return sum / ((x1 - x0) * (y1 - y0));
    }

    @ParameterizedTest(name = "region ({0}, {1}) size {2}x{3} to {4}x{5}")
    @CsvSource({
        "0, 0, 37, 23, 12, 8",      // pyramid level: shrink the whole image
        "3.5, 2.25, 10, 10, 24, 24", // enlarge a small crop (R-Net input from a small face)
        "-4, -3, 20, 15, 48, 48",    // crop leaving the image at the top left: zero padding
        "30, 18, 12, 9, 5, 7",       // crop leaving at the bottom right, unequal scales
        "0, 0, 37, 23, 37, 23"})     // identity
    @DisplayName("Area averages match the brute-force definition")
    void matchesBruteForce(double x0, double y0, double rw, double rh, int dw, int dh) {
        byte[] rgb = new byte[W * H * 3];
        new Random(42).nextBytes(rgb);
        IntegralImage image = new IntegralImage(ByteBuffer.wrap(rgb), W, H);
        float[] out = new float[3 * dw * dh];
        image.resample(x0, y0, rw, rh, dw, dh, out, 0, 0, 1);
        double sx = rw / dw;
        double sy = rh / dh;
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < dh; j++) {
                for (int i = 0; i < dw; i++) {
                    double expected = bruteForce(rgb, x0 + i * sx, y0 + j * sy, x0 + (i + 1) * sx,
                            y0 + (j + 1) * sy, c);
                    assertEquals(expected, out[c * dw * dh + j * dw + i], 1e-3, "c" + c + " (" + i + "," + j + ")");
                }
            }
        }
    }

    @ParameterizedTest(name = "mean {0}, scale {1}")
    @CsvSource({"127.5, 0.0078125", "0, 1"})
    @DisplayName("Normalisation is applied to every output value")
    void normalises(float mean, float scale) {
        byte[] rgb = new byte[W * H * 3];
        java.util.Arrays.fill(rgb, (byte) 200);
        float[] out = new float[3 * 4];
        new IntegralImage(ByteBuffer.wrap(rgb), W, H).resample(1, 1, 8, 8, 2, 2, out, 0, mean, scale);
        for (float v : out) {
            assertEquals((200 - mean) * scale, v, 1e-4);
        }
    }
}
