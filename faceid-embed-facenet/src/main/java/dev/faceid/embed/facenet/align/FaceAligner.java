package dev.faceid.embed.facenet.align;

import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Point;
import dev.faceid.api.embed.Alignment;
import dev.faceid.api.error.ProviderUnavailableException;
import dev.faceid.api.image.FaceImage;
import java.nio.ByteBuffer;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Cuts faces out of an image as an embedding network expects them: either a similarity warp of the five landmarks
 * onto a template (the accurate default; without it same-person distances roughly double), or the tutorial's plain
 * crop of the box. Warping runs in OpenCV ({@code warpAffine}, bilinear, black border).
 *
 * <p>Immutable and thread-safe; each call allocates its own native buffers and frees them before returning.
 */
public final class FaceAligner {
    private final int width;
    private final int height;
    private final List<Point> template;
    private final Alignment alignment;

    public FaceAligner(int width, int height, List<Point> template, Alignment alignment) {
        this.width = width;
        this.height = height;
        this.template = List.copyOf(template);
        this.alignment = alignment;
    }

    /** Checks that OpenCV's natives load; turns a failure into a typed error with its cause. */
    public static void requireNatives() {
        try {
            org.bytedeco.javacpp.Loader.load(opencv_imgproc.class);
        } catch (Throwable t) {
            throw new ProviderUnavailableException("OpenCV's native library could not be loaded for face alignment "
                    + "on " + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + t
                    + ". faceid ships OpenCV natives for linux-x86_64 by default; build with "
                    + "-Djavacpp.platform=<your platform> for another.", t);
        }
    }

    /** The 2x3 matrix that maps image pixels to the aligned crop for {@code face}. */
    public double[] matrixFor(DetectedFace face) {
        if (alignment == Alignment.BOX_CROP) {
            var b = face.box();
            return SimilarityTransform.boxToImage(b.x1(), b.y1(), b.x2(), b.y2(), width, height);
        }
        return SimilarityTransform.estimate(face.landmarks(), template).matrix();
    }

    /**
     * Aligns every face and returns their interleaved RGB bytes, {@code width * height * 3} per face, concatenated.
     * Only the part of the image each crop samples is copied to native memory, so embedding one face of a large
     * photo does not copy the whole photo.
     */
    public byte[] align(FaceImage image, List<DetectedFace> faces) {
        int faceBytes = width * height * 3;
        byte[] out = new byte[faceBytes * faces.size()];
        ByteBuffer rgb = image.rgb();
        try (Mat dst = new Mat(height, width, opencv_core.CV_8UC3);
             Size size = new Size(width, height);
             Scalar black = new Scalar(0, 0, 0, 0)) {
            for (int i = 0; i < faces.size(); i++) {
                double[] m = matrixFor(faces.get(i));
                int[] roi = sourceRegion(m, image.width(), image.height());
                int rw = roi[2] - roi[0];
                int rh = roi[3] - roi[1];
                if (rw <= 0 || rh <= 0) {
                    continue; // the crop lies wholly outside the image: it stays black
                }
                // Moving the origin to the region's corner: M (p + o) = A p + (A o + t).
                m[2] += m[0] * roi[0] + m[1] * roi[1];
                m[5] += m[3] * roi[0] + m[4] * roi[1];
                try (BytePointer src = new BytePointer((long) rw * rh * 3);
                     Mat srcMat = new Mat(rh, rw, opencv_core.CV_8UC3, src);
                     DoublePointer mp = new DoublePointer(m);
                     Mat matrix = new Mat(2, 3, opencv_core.CV_64F, mp)) {
                    ByteBuffer region = src.asBuffer();
                    for (int y = 0; y < rh; y++) {
                        ByteBuffer row = rgb.duplicate();
                        int from = ((roi[1] + y) * image.width() + roi[0]) * 3;
                        row.position(from).limit(from + rw * 3);
                        region.put(row);
                    }
                    opencv_imgproc.warpAffine(srcMat, dst, matrix, size, opencv_imgproc.INTER_LINEAR,
                            opencv_core.BORDER_CONSTANT, black);
                }
                dst.data().get(out, i * faceBytes, faceBytes);
            }
        }
        return out;
    }

    /**
     * The image region {@code [x0, y0, x1, y1)} that the crop of matrix {@code m} samples: the crop's corners mapped
     * back into the image, plus one pixel for bilinear interpolation, clipped to the image.
     */
    private int[] sourceRegion(double[] m, int imageWidth, int imageHeight) {
        double det = m[0] * m[4] - m[1] * m[3];
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] c : new double[][] {{0, 0}, {width, 0}, {0, height}, {width, height}}) {
            double u = c[0] - m[2];
            double v = c[1] - m[5];
            double x = (m[4] * u - m[1] * v) / det;
            double y = (-m[3] * u + m[0] * v) / det;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        return new int[] {
            (int) Math.max(0, Math.floor(minX) - 1), (int) Math.max(0, Math.floor(minY) - 1),
            (int) Math.min(imageWidth, Math.ceil(maxX) + 2), (int) Math.min(imageHeight, Math.ceil(maxY) + 2)};
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
