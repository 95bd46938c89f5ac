package dev.faceid.testkit;

import dev.faceid.samples.SamplePhotos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Detector;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.image.FaceImage;
import dev.faceid.core.image.ImageLoader;
import dev.faceid.api.Registries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MTCNN pipeline on a backend finds the faces an independent reference MTCNN finds on real photos, at the
 * reference's two minimum face sizes. Every backend module extends this.
 */
public abstract class DetectionConformanceSuite extends BackendSuite {
    /** Faces at least this confident must agree both ways. */
    public static final double CONFIDENT = 0.95;
    public static final double MIN_IOU = 0.8;
    /** How close boxes and landmarks must be to the reference's, in pixels: its 0.01 px rounding plus noise. */
    public static final double REFERENCE_ROUNDING = 0.01;

    private final Map<String, List<DetectedFace>> reference = ReferenceDetections.load();

    private Detector detector(int minFace) {
        return Registries.detectors().forName("mtcnn")
                .create(DetectorOptions.builder().optMinFaceSize(minFace).build(), backend);
    }

    @ParameterizedTest(name = "minimum face {0} px")
    @ValueSource(ints = {20, 50})
    @DisplayName("Every confident reference face is found (IoU >= 0.8) and every confident face found is in the reference")
    void agreesWithReferenceMtcnn(int minFace) {
        int matched = 0;
        for (Map.Entry<String, List<DetectedFace>> sample : detectSamples(minFace).entrySet()) {
            List<DetectedFace> expected = reference.get(sample.getKey());
            List<DetectedFace> found = sample.getValue();
            for (DetectedFace e : confident(expected)) {
                DetectedFace f = best(found, e);
                assertTrue(f != null && f.box().iou(e.box()) >= MIN_IOU,
                        sample.getKey() + ": reference face " + e.box() + " not found; found " + found);
                matched++;
            }
            for (DetectedFace f : confident(found)) {
                DetectedFace e = best(expected, f);
                assertTrue(e != null && e.box().iou(f.box()) >= MIN_IOU,
                        sample.getKey() + ": found face " + f.box() + " (" + f.score()
                                + ") is not in the reference " + expected);
            }
        }
        assertTrue(matched >= 15, "too few confident reference faces compared: " + matched);
    }

    @ParameterizedTest(name = "minimum face {0} px")
    @ValueSource(ints = {20, 50})
    @DisplayName("Every reference face, confident or not, is reproduced to the reference's rounding (0.01 px)")
    void reproducesReferenceToTheHundredth(int minFace) {
        double worstBox = 0;
        double worstMark = 0;
        double worstScore = 0;
        int faces = 0;
        for (Map.Entry<String, List<DetectedFace>> sample : detectSamples(minFace).entrySet()) {
            List<DetectedFace> expected = reference.get(sample.getKey());
            List<DetectedFace> found = sample.getValue();
            assertEquals(expected.size(), found.size(), sample.getKey() + ": found " + found);
            for (DetectedFace e : expected) {
                DetectedFace f = best(found, e);
                worstBox = Math.max(worstBox, FaceDifferences.maxCornerError(f, e));
                worstMark = Math.max(worstMark, FaceDifferences.maxLandmarkError(f, e));
                worstScore = Math.max(worstScore, Math.abs(f.score() - e.score()));
                faces++;
            }
        }
        System.out.printf("[%s] MTCNN vs reference at min %d: %d faces, box corner error max %.4f px, landmark "
                + "error max %.4f px, probability error max %.5f%n", backendName(), minFace, faces, worstBox,
                worstMark, worstScore);
        // The reference is rounded to 0.01 px and 1e-5: half of that, plus float noise between engines.
        assertTrue(worstBox <= REFERENCE_ROUNDING, "box corner error " + worstBox + " px");
        assertTrue(worstMark <= REFERENCE_ROUNDING * Math.sqrt(2), "landmark error " + worstMark + " px");
        assertTrue(worstScore <= 1e-4, "probability error " + worstScore);
    }

    /** This backend's detections on every sample photo, keyed as the reference is: {@code sampleN.jpg@minM}. */
    private Map<String, List<DetectedFace>> detectSamples(int minFace) {
        Detector detector = detector(minFace);
        Map<String, List<DetectedFace>> found = new java.util.LinkedHashMap<>();
        for (String sample : SamplePhotos.SAMPLES) {
            FaceImage image = ImageLoader.defaults().read(SamplePhotos.get(sample));
            found.put(sample + "@min" + minFace, detector.detect(image));
        }
        return found;
    }

    private static List<DetectedFace> confident(List<DetectedFace> faces) {
        return faces.stream().filter(f -> f.score() >= CONFIDENT).toList();
    }

    @Test
    @DisplayName("The video preset (50 px, confidence 0.95) drops faces under 0.95")
    void videoPresetFiltersByConfidence() {
        FaceImage image = ImageLoader.defaults().read(SamplePhotos.get("sample2.jpg"));
        Detector d = Registries.detectors().forName("mtcnn").create(DetectorOptions.video(), backend);
        List<DetectedFace> faces = d.detect(image);
        assertTrue(faces.stream().allMatch(f -> f.score() >= 0.95), faces.toString());
        long expected = reference.get("sample2.jpg@min50").stream().filter(f -> f.score() >= 0.95).count();
        assertEquals(expected, faces.size());
    }

    @Test
    @DisplayName("An image without a face gives no detection, not an error")
    void blankImageHasNoFace() {
        FaceImage gray = FaceImage.ofRgb(320, 240, filled(320 * 240 * 3, (byte) 128));
        assertTrue(detector(20).detect(gray).isEmpty());
    }

    @Test
    @DisplayName("Boxes are clipped to the image and landmarks lie inside their box")
    void boxesInsideImage() {
        FaceImage image = ImageLoader.defaults().read(SamplePhotos.get("sample4.jpg"));
        for (DetectedFace f : detector(20).detect(image)) {
            assertTrue(f.box().x1() >= 0 && f.box().y1() >= 0 && f.box().x2() <= image.width()
                    && f.box().y2() <= image.height(), f.toString());
        }
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, v);
        return b;
    }

    private static DetectedFace best(List<DetectedFace> faces, DetectedFace to) {
        DetectedFace best = null;
        for (DetectedFace f : faces) {
            if (best == null || f.box().iou(to.box()) > best.box().iou(to.box())) {
                best = f;
            }
        }
        return best;
    }

}
