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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The three-stage MTCNN cascade of Zhang et al. (2016), step for step as in the reference implementation (David
 * Sandberg's {@code detect_face.py}): an image pyramid scanned by P-Net, candidates refined by R-Net on 24x24
 * crops and by O-Net on 48x48 crops, which also places the five landmarks.
 *
 * <p>Only the networks run in the backend; everything else is plain Java on float arrays, so every backend gives
 * the same boxes. Thread-safe: a detection call keeps all its state on its own stack.
 */
final class MtcnnDetector implements Detector {
    /** Input batches of R-Net and O-Net are capped so that a crowded image does not allocate one huge tensor. */
    private static final int MAX_BATCH = 256;
    private static final float MEAN = 127.5f;
    private static final float SCALE = 0.0078125f;

    private final DetectorOptions options;
    private final Network pnet;
    private final Network rnet;
    private final Network onet;

    MtcnnDetector(DetectorOptions options, InferenceBackend backend) {
        if (options.stageThresholds().size() != 3) {
            throw new dev.faceid.api.error.ConfigurationException("MTCNN needs exactly 3 stage thresholds, got "
                    + options.stageThresholds());
        }
        this.options = options;
        this.pnet = backend.load(ModelSource.bundled("pnet"));
        this.rnet = backend.load(ModelSource.bundled("rnet"));
        this.onet = backend.load(ModelSource.bundled("onet"));
    }

    @Override
    public DetectorOptions options() {
        return options;
    }

    @Override
    public List<DetectedFace> detect(FaceImage image) {
        int w = image.width();
        int h = image.height();
        float[] pixels = toFloat(image.rgb(), w * h * 3);
        List<Box> boxes = proposals(pixels, w, h);
        if (!boxes.isEmpty()) {
            boxes = refine(pixels, w, h, boxes);
        }
        if (!boxes.isEmpty()) {
            boxes = output(pixels, w, h, boxes);
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

    /** Stage 1: P-Net over the pyramid, NMS per scale and across scales, regression, squaring. */
    private List<Box> proposals(float[] pixels, int w, int h) {
        double t = options.stageThresholds().get(0);
        List<Box> all = new ArrayList<>();
        for (double scale : pyramid(w, h)) {
            int hs = (int) Math.ceil(h * scale);
            int ws = (int) Math.ceil(w * scale);
            float[] level = AreaResize.resize(pixels, w, h, ws, hs);
            List<FloatTensor> out = pnet.run(toNchw(level, ws, hs, 1));
            FloatTensor prob = out.get(0);
            FloatTensor reg = out.get(1);
            int mh = prob.dim(2);
            int mw = prob.dim(3);
            int plane = mh * mw;
            float[] p = prob.data();
            float[] r = reg.data();
            List<Box> found = new ArrayList<>();
            for (int y = 0; y < mh; y++) {
                for (int x = 0; x < mw; x++) {
                    int i = y * mw + x;
                    float score = p[plane + i];
                    if (score >= t) {
                        // The 12x12 window at stride 2, mapped back to the image (1-based, inclusive).
                        Box b = new Box(fix((2 * x + 1) / scale), fix((2 * y + 1) / scale),
                                fix((2 * x + 12) / scale), fix((2 * y + 12) / scale), score);
                        for (int c = 0; c < 4; c++) {
                            b.reg[c] = r[c * plane + i];
                        }
                        found.add(b);
                    }
                }
            }
            all.addAll(Nms.apply(found, 0.5, Nms.Overlap.UNION));
        }
        List<Box> kept = Nms.apply(all, 0.7, Nms.Overlap.UNION);
        for (Box b : kept) {
            b.regressStage1();
            b.square();
            b.truncate();
        }
        return kept;
    }

    /** Stage 2: R-Net on 24x24 crops, threshold, NMS, regression, squaring. */
    private List<Box> refine(float[] pixels, int w, int h, List<Box> boxes) {
        double t = options.stageThresholds().get(1);
        List<Box> passed = new ArrayList<>();
        for (int from = 0; from < boxes.size(); from += MAX_BATCH) {
            List<Box> batch = boxes.subList(from, Math.min(boxes.size(), from + MAX_BATCH));
            List<FloatTensor> out = rnet.run(crops(pixels, w, h, batch, 24));
            float[] prob = out.get(0).data();
            float[] reg = out.get(1).data();
            for (int k = 0; k < batch.size(); k++) {
                float score = prob[k * 2 + 1];
                if (score > t) {
                    Box b = batch.get(k);
                    b.score = score;
                    for (int c = 0; c < 4; c++) {
                        b.reg[c] = reg[k * 4 + c];
                    }
                    passed.add(b);
                }
            }
        }
        List<Box> kept = Nms.apply(passed, 0.7, Nms.Overlap.UNION);
        for (Box b : kept) {
            b.regress();
            b.square();
        }
        return kept;
    }

    /** Stage 3: O-Net on 48x48 crops, threshold, landmarks, regression, NMS by the smaller area. */
    private List<Box> output(float[] pixels, int w, int h, List<Box> boxes) {
        double t = options.stageThresholds().get(2);
        for (Box b : boxes) {
            b.truncate();
        }
        List<Box> passed = new ArrayList<>();
        for (int from = 0; from < boxes.size(); from += MAX_BATCH) {
            List<Box> batch = boxes.subList(from, Math.min(boxes.size(), from + MAX_BATCH));
            List<FloatTensor> out = onet.run(crops(pixels, w, h, batch, 48));
            float[] prob = out.get(0).data();
            float[] reg = out.get(1).data();
            float[] marks = out.get(2).data();
            for (int k = 0; k < batch.size(); k++) {
                float score = prob[k * 2 + 1];
                if (score > t) {
                    Box b = batch.get(k);
                    b.score = score;
                    for (int c = 0; c < 4; c++) {
                        b.reg[c] = reg[k * 4 + c];
                    }
                    double bw = b.x2 - b.x1 + 1;
                    double bh = b.y2 - b.y1 + 1;
                    b.landmarks = new double[10];
                    for (int j = 0; j < 5; j++) {
                        b.landmarks[j] = bw * marks[k * 10 + j] + b.x1 - 1;
                        b.landmarks[5 + j] = bh * marks[k * 10 + 5 + j] + b.y1 - 1;
                    }
                    passed.add(b);
                }
            }
        }
        for (Box b : passed) {
            b.regress();
        }
        return Nms.apply(passed, 0.7, Nms.Overlap.MIN);
    }

    /** The pyramid scales: the first maps the minimum face to P-Net's 12-pixel window. */
    List<Double> pyramid(int w, int h) {
        List<Double> scales = new ArrayList<>();
        double m = 12.0 / options.minFaceSize();
        double minl = Math.min(w, h) * m;
        int count = 0;
        while (minl >= 12) {
            scales.add(m * Math.pow(options.scaleFactor(), count));
            minl *= options.scaleFactor();
            count++;
        }
        return scales;
    }

    /**
     * Cuts each box out of the image, padding with zeros where it leaves the image, and resizes it to
     * {@code size x size}; returns the normalised NCHW batch.
     */
    private static FloatTensor crops(float[] pixels, int w, int h, List<Box> boxes, int size) {
        int n = boxes.size();
        int plane = size * size;
        float[] batch = new float[n * 3 * plane];
        for (int k = 0; k < n; k++) {
            Box b = boxes.get(k);
            int tw = (int) (b.x2 - b.x1 + 1);
            int th = (int) (b.y2 - b.y1 + 1);
            if (tw <= 0 || th <= 0) {
                continue; // a degenerate box scores as background: its crop stays all zeros
            }
            int x0 = (int) b.x1 - 1;
            int y0 = (int) b.y1 - 1;
            float[] crop = new float[tw * th * 3];
            for (int y = Math.max(0, -y0); y < th && y0 + y < h; y++) {
                int xs = Math.max(0, -x0);
                int xe = Math.min(tw, w - x0);
                if (xe > xs) {
                    System.arraycopy(pixels, ((y0 + y) * w + x0 + xs) * 3, crop, (y * tw + xs) * 3, (xe - xs) * 3);
                }
            }
            float[] resized = AreaResize.resize(crop, tw, th, size, size);
            int base = k * 3 * plane;
            for (int i = 0; i < plane; i++) {
                batch[base + i] = (resized[i * 3] - MEAN) * SCALE;
                batch[base + plane + i] = (resized[i * 3 + 1] - MEAN) * SCALE;
                batch[base + 2 * plane + i] = (resized[i * 3 + 2] - MEAN) * SCALE;
            }
        }
        return FloatTensor.of(batch, n, 3, size, size);
    }

    private static FloatTensor toNchw(float[] hwc, int w, int h, int n) {
        int plane = w * h;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            chw[i] = (hwc[i * 3] - MEAN) * SCALE;
            chw[plane + i] = (hwc[i * 3 + 1] - MEAN) * SCALE;
            chw[2 * plane + i] = (hwc[i * 3 + 2] - MEAN) * SCALE;
        }
        return FloatTensor.of(chw, n, 3, h, w);
    }

    private static float[] toFloat(ByteBuffer rgb, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = rgb.get(i) & 0xFF;
        }
        return out;
    }

    private static double fix(double v) {
        return (long) v;
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
