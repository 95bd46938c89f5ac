package dev.faceid.detect.mtcnn;

import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.backend.Network;
import dev.faceid.api.detect.BoundingBox;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Detector;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.detect.Point;
import dev.faceid.api.image.FaceImage;
import dev.faceid.models.mtcnn.MtcnnModels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The three-stage MTCNN cascade of Zhang et al. (2016): an image pyramid scanned by P-Net, candidates refined by
 * R-Net on 24x24 crops and by O-Net on 48x48 crops, which also places the five landmarks. Step for step as the
 * reference implementation, facenet-pytorch's {@code detect_face}, whose detections the conformance tests compare
 * to the hundredth of a pixel. It differs from David Sandberg's older {@code detect_face.py} in three ways, each of
 * which moves boxes by pixels: levels and crops are resized by adaptive average pooling ({@link IntegralImage}),
 * boxes keep real-valued corners between stages, and crops of boxes that leave the image are cut at the border
 * instead of being zero-filled.
 *
 * <p>Only the networks run in the backend; everything else is plain Java on float arrays, so every backend gives
 * the same boxes. Thread-safe: a detection call keeps all its state on its own stack. Parallelism inside one call
 * is the backend's: it resamples and runs the pyramid levels, and slices of the crop batches, side by side on its
 * pooled predictors.
 */
final class MtcnnDetector implements Detector {
    private static final float MEAN = 127.5f;
    private static final float SCALE = 0.0078125f;

    private final DetectorOptions options;
    private final MtcnnOptions mtcnn;
    private final Network pnet;
    private final Network rnet;
    private final Network onet;

    MtcnnDetector(DetectorOptions options, MtcnnOptions mtcnn, InferenceBackend backend) {
        this.options = options;
        this.mtcnn = mtcnn;
        this.pnet = backend.load(ModelSource.bundled(MtcnnModels.PNET));
        this.rnet = backend.load(ModelSource.bundled(MtcnnModels.RNET));
        this.onet = backend.load(ModelSource.bundled(MtcnnModels.ONET));
    }

    @Override
    public DetectorOptions options() {
        return options;
    }

    @Override
    public List<DetectedFace> detect(FaceImage image) {
        int w = image.width();
        int h = image.height();
        IntegralImage pixels = new IntegralImage(image.rgb(), w, h);
        List<Box> boxes = proposals(pixels);
        if (!boxes.isEmpty()) {
            boxes = refine(pixels, boxes);
        }
        if (!boxes.isEmpty()) {
            boxes = output(pixels, boxes);
        }
        List<DetectedFace> faces = new ArrayList<>(boxes.size());
        for (Box b : boxes) {
            if (b.score >= options.minConfidence()) {
                faces.add(toFace(b, w, h));
            }
        }
        faces.sort(Comparator.comparingDouble(DetectedFace::score).reversed());
        return List.copyOf(faces);
    }

    /**
     * Stage 1: P-Net over the pyramid, NMS per scale and across scales, regression, squaring. All levels go to the
     * backend in one call, which may resample and run them in parallel.
     */
    private List<Box> proposals(IntegralImage pixels) {
        int w = pixels.width();
        int h = pixels.height();
        List<Double> scales = pyramid(w, h);
        List<Supplier<FloatTensor>> levels = new ArrayList<>(scales.size());
        for (double scale : scales) {
            int hs = (int) (h * scale + 1);
            int ws = (int) (w * scale + 1);
            levels.add(() -> {
                float[] level = new float[3 * hs * ws];
                pixels.pool(0, 0, w, h, ws, hs, level, 0, MEAN, SCALE);
                return FloatTensor.of(level, 1, 3, hs, ws);
            });
        }
        List<List<FloatTensor>> outputs = pnet.runAll(levels);
        List<Box> all = new ArrayList<>();
        for (int s = 0; s < scales.size(); s++) {
            all.addAll(Nms.apply(windows(outputs.get(s), scales.get(s)), 0.5, Nms.Overlap.UNION));
        }
        List<Box> kept = Nms.apply(all, 0.7, Nms.Overlap.UNION);
        for (Box b : kept) {
            b.regressStage1();
            b.square();
        }
        return kept;
    }

    /** The 12x12 windows of one pyramid level that P-Net scores at or above the first threshold. */
    private List<Box> windows(List<FloatTensor> out, double scale) {
        FloatTensor prob = out.get(0);
        int mh = prob.dim(2);
        int mw = prob.dim(3);
        int plane = mh * mw;
        float[] p = prob.data();
        float[] r = out.get(1).data();
        double t = mtcnn.stageThresholds().get(0);
        List<Box> found = new ArrayList<>();
        for (int y = 0; y < mh; y++) {
            for (int x = 0; x < mw; x++) {
                int i = y * mw + x;
                float score = p[plane + i];
                if (score >= t) {
                    // The window at stride 2, mapped back to the image (1-based, inclusive).
                    Box b = new Box(Math.floor((2 * x + 1) / scale), Math.floor((2 * y + 1) / scale),
                            Math.floor((2 * x + 12) / scale), Math.floor((2 * y + 12) / scale), score);
                    for (int c = 0; c < 4; c++) {
                        b.reg[c] = r[c * plane + i];
                    }
                    found.add(b);
                }
            }
        }
        return found;
    }

    /** Stage 2: R-Net on 24x24 crops, threshold, NMS, regression, squaring. */
    private List<Box> refine(IntegralImage pixels, List<Box> candidates) {
        List<Box> kept = Nms.apply(score(rnet, pixels, candidates, 24, mtcnn.stageThresholds().get(1)), 0.7,
                Nms.Overlap.UNION);
        for (Box b : kept) {
            b.regress();
            b.square();
        }
        return kept;
    }

    /** Stage 3: O-Net on 48x48 crops, threshold, landmarks, regression, NMS by the smaller area. */
    private List<Box> output(IntegralImage pixels, List<Box> candidates) {
        List<Box> passed = score(onet, pixels, candidates, 48, mtcnn.stageThresholds().get(2));
        for (Box b : passed) {
            b.regress();
        }
        return Nms.apply(passed, 0.7, Nms.Overlap.MIN);
    }

    /**
     * Runs {@code net} on the {@code size x size} crops of the candidates that overlap the image and returns those
     * scoring above {@code threshold}, each with its score, its regression and, where the network gives them, its
     * landmarks placed on the box as it was cropped.
     */
    private static List<Box> score(Network net, IntegralImage pixels, List<Box> candidates, int size,
                                   double threshold) {
        List<Box> boxes = inside(candidates, pixels);
        if (boxes.isEmpty()) {
            return boxes;
        }
        List<FloatTensor> out = net.runBatched(boxes.size(),
                (from, to) -> crops(pixels, boxes.subList(from, to), size));
        float[] prob = out.get(0).data();
        float[] reg = out.get(1).data();
        float[] marks = out.size() > 2 ? out.get(2).data() : null;
        List<Box> passed = new ArrayList<>();
        for (int k = 0; k < boxes.size(); k++) {
            float score = prob[k * 2 + 1];
            if (score > threshold) {
                Box b = boxes.get(k);
                b.score = score;
                for (int c = 0; c < 4; c++) {
                    b.reg[c] = reg[k * 4 + c];
                }
                if (marks != null) {
                    b.placeLandmarks(marks, k * 10);
                }
                passed.add(b);
            }
        }
        return passed;
    }

    /** The pyramid scales: the first maps the minimum face to P-Net's 12-pixel window. */
    List<Double> pyramid(int w, int h) {
        List<Double> scales = new ArrayList<>();
        double m = 12.0 / options.minFaceSize();
        double minl = Math.min(w, h) * m;
        int count = 0;
        while (minl >= 12) {
            scales.add(m * Math.pow(mtcnn.scaleFactor(), count));
            minl *= mtcnn.scaleFactor();
            count++;
        }
        return scales;
    }

    /** The boxes that overlap the image by at least a pixel after truncation: only they have a crop. */
    private static List<Box> inside(List<Box> boxes, IntegralImage pixels) {
        List<Box> kept = new ArrayList<>(boxes.size());
        for (Box b : boxes) {
            if (last(b.x2, pixels.width()) >= first(b.x1) && last(b.y2, pixels.height()) >= first(b.y1)) {
                kept.add(b);
            }
        }
        return kept;
    }

    /**
     * Cuts each box out of the image and pools it to {@code size x size}: the normalised NCHW batch. As in the
     * reference, corners are truncated toward zero and then clipped to the image, so the crop of a box that leaves
     * the image covers only its visible part, stretched to the full size.
     */
    private static FloatTensor crops(IntegralImage pixels, List<Box> boxes, int size) {
        int n = boxes.size();
        int plane = size * size;
        float[] batch = new float[n * 3 * plane];
        for (int k = 0; k < n; k++) {
            Box b = boxes.get(k);
            int x = first(b.x1);
            int y = first(b.y1);
            int ex = last(b.x2, pixels.width());
            int ey = last(b.y2, pixels.height());
            pixels.pool(x - 1, y - 1, ex - x + 1, ey - y + 1, size, size, batch, k * 3 * plane, MEAN, SCALE);
        }
        return FloatTensor.of(batch, n, 3, size, size);
    }

    /** The first pixel (1-based) a crop takes from a box's start corner. */
    private static int first(double corner) {
        return Math.max((int) corner, 1);
    }

    /** The last pixel (1-based, inclusive) a crop takes up to a box's end corner on an axis of {@code size}. */
    private static int last(double corner, int size) {
        return Math.min((int) corner, size);
    }

    /** Converts to the public type, clipping the box to the image as documented. */
    private static DetectedFace toFace(Box b, int w, int h) {
        double x1 = clamp(b.x1, 0, w);
        double y1 = clamp(b.y1, 0, h);
        double x2 = clamp(b.x2, x1, w);
        double y2 = clamp(b.y2, y1, h);
        List<Point> marks = new ArrayList<>(5);
        for (int j = 0; j < 5; j++) {
            marks.add(new Point(b.landmarks[j], b.landmarks[5 + j]));
        }
        return new DetectedFace(new BoundingBox(x1, y1, x2, y2), Math.min(1, Math.max(0, b.score)), marks);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public void close() {
        // The networks belong to the backend, which shares them between detectors; it closes them.
    }
}
