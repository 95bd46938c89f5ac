package dev.faceid.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.faceid.api.error.ImageException;
import dev.faceid.api.image.FaceImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** OpenCV frames become RGB images with their channels in the right order. */
class MatImagesTest {

    private static byte[] rgbOf(FaceImage image) {
        byte[] b = new byte[image.width() * image.height() * 3];
        image.rgb().get(b);
        return b;
    }

    @Test
    @DisplayName("A BGR Mat becomes RGB, pixel for pixel")
    void bgrBecomesRgb() {
        try (BytePointer data = new BytePointer(new byte[] {1, 2, 3, 4, 5, 6});
             Mat bgr = new Mat(1, 2, opencv_core.CV_8UC3, data)) {
            FaceImage image = MatImages.toFaceImage(bgr, "frame");
            assertEquals(2, image.width());
            assertEquals(1, image.height());
            assertArrayEquals(new byte[] {3, 2, 1, 6, 5, 4}, rgbOf(image));
        }
    }

    @Test
    @DisplayName("Gray and BGRA Mats are converted; alpha is dropped")
    void grayAndBgra() {
        try (BytePointer g = new BytePointer(new byte[] {7, 9});
             Mat gray = new Mat(1, 2, opencv_core.CV_8UC1, g);
             BytePointer a = new BytePointer(new byte[] {1, 2, 3, 100});
             Mat bgra = new Mat(1, 1, opencv_core.CV_8UC4, a)) {
            assertArrayEquals(new byte[] {7, 7, 7, 9, 9, 9}, rgbOf(MatImages.toFaceImage(gray, "g")));
            assertArrayEquals(new byte[] {3, 2, 1}, rgbOf(MatImages.toFaceImage(bgra, "a")));
        }
    }

    @Test
    @DisplayName("A 16-bit Mat is scaled to 8 bits")
    void sixteenBit() {
        try (ShortPointer s = new ShortPointer(new short[] {(short) 65535, 0, (short) 257});
             Mat deep = new Mat(1, 1, opencv_core.CV_16UC3, s)) {
            assertArrayEquals(new byte[] {1, 0, (byte) 255}, rgbOf(MatImages.toFaceImage(deep, "d")));
        }
    }

    @Test
    @DisplayName("An empty or float Mat is a typed ImageException")
    void unsupportedMats() {
        try (Mat empty = new Mat(); Mat floats = new Mat(2, 2, opencv_core.CV_32FC3)) {
            assertThrows(ImageException.class, () -> MatImages.toFaceImage(empty, "e"));
            assertThrows(ImageException.class, () -> MatImages.toFaceImage(floats, "f"));
        }
    }
}
