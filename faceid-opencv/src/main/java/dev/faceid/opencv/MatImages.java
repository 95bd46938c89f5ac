package dev.faceid.opencv;

import dev.faceid.api.error.ImageException;
import dev.faceid.api.image.FaceImage;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Converts OpenCV {@link Mat}s, as a video loop or an OpenCV application holds its frames, into {@link FaceImage}s.
 * Channel order follows OpenCV's convention: 3 channels are BGR, 4 are BGRA (alpha dropped), 1 is gray; 8- and
 * 16-bit unsigned depths are accepted (16-bit is scaled to 8). The Mat is only read. Stateless and thread-safe.
 */
public final class MatImages {
    private MatImages() {
    }

    /**
     * A copy of {@code mat} as an RGB image.
     *
     * @throws ImageException if the Mat is empty or of an unsupported type
     */
    public static FaceImage toFaceImage(Mat mat, String name) {
        if (mat == null || mat.empty()) {
            throw new ImageException("Empty OpenCV Mat: " + name);
        }
        int depth = mat.depth();
        int channels = mat.channels();
        if ((depth != opencv_core.CV_8U && depth != opencv_core.CV_16U) || (channels != 1 && channels != 3
                && channels != 4)) {
            throw new ImageException("Unsupported OpenCV Mat type " + mat.type() + " (" + channels + " channels, depth "
                    + depth + ") for " + name + "; use 8- or 16-bit unsigned gray, BGR or BGRA");
        }
        try (Mat eight = new Mat(); Mat rgb = new Mat()) {
            Mat src = mat;
            if (depth == opencv_core.CV_16U) {
                mat.convertTo(eight, opencv_core.CV_8U, 1.0 / 257, 0);
                src = eight;
            }
            int code = channels == 1 ? opencv_imgproc.COLOR_GRAY2RGB
                    : channels == 3 ? opencv_imgproc.COLOR_BGR2RGB : opencv_imgproc.COLOR_BGRA2RGB;
            opencv_imgproc.cvtColor(src, rgb, code);
            byte[] bytes = new byte[rgb.rows() * rgb.cols() * 3];
            // cvtColor allocates a continuous Mat, so one bulk copy reads it row by row.
            rgb.data().get(bytes);
            return FaceImage.ofRgb(rgb.cols(), rgb.rows(), bytes, name);
        }
    }
}
