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
     */
    public byte[] align(FaceImage image, List<DetectedFace> faces) {
        int faceBytes = width * height * 3;
        byte[] out = new byte[faceBytes * faces.size()];
        ByteBuffer rgb = image.rgb();
        try (BytePointer src = new BytePointer((long) rgb.remaining());
             Mat srcMat = new Mat(image.height(), image.width(), opencv_core.CV_8UC3, src);
             Mat dst = new Mat(height, width, opencv_core.CV_8UC3);
             Size size = new Size(width, height);
             Scalar black = new Scalar(0, 0, 0, 0)) {
            src.asBuffer().put(rgb);
            for (int i = 0; i < faces.size(); i++) {
                try (DoublePointer m = new DoublePointer(matrixFor(faces.get(i)));
                     Mat matrix = new Mat(2, 3, opencv_core.CV_64F, m)) {
                    opencv_imgproc.warpAffine(srcMat, dst, matrix, size, opencv_imgproc.INTER_LINEAR,
                            opencv_core.BORDER_CONSTANT, black);
                }
                dst.data().get(out, i * faceBytes, faceBytes);
            }
        }
        return out;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
