package dev.faceid.testkit;

import dev.faceid.samples.SamplePhotos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Detector;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.image.ImageLoader;
import dev.faceid.api.spi.Registries;
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

    private final Map<String, List<DetectedFace>> reference = ReferenceDetections.load();

    private Detector detector(int minFace) {
        return Registries.detectors().forName("mtcnn")
                .create(DetectorOptions.builder().optMinFaceSize(minFace).build(), backend);
    }

    @ParameterizedTest(name = "minimum face {0} px")
    @ValueSource(ints = {20, 50})
    @DisplayName("Every confident reference face is found (IoU >= 0.8) and every confident face found is in the reference")
    void agreesWithReferenceMtcnn(int minFace) {
        Detector detector = detector(minFace);
        double worstBox = 0;
        double worstMark = 0;
        double sumBox = 0;
        int matched = 0;
        for (String sample : SamplePhotos.SAMPLES) {
            FaceImage image = ImageLoader.defaults().read(SamplePhotos.get(sample));
            List<DetectedFace> expected = reference.get(sample + "@min" + minFace);
            List<DetectedFace> found = detector.detect(image);
            for (DetectedFace e : expected) {
                if (e.score() < CONFIDENT) {
                    continue;
                }
                DetectedFace f = best(found, e);
                assertTrue(f != null && f.box().iou(e.box()) >= MIN_IOU,
                        sample + "@" + minFace + ": reference face " + e.box() + " not found; found " + found);
                double boxErr = FaceDifferences.maxCornerError(f, e);
                double markErr = FaceDifferences.maxLandmarkError(f, e);
                worstBox = Math.max(worstBox, boxErr);
                worstMark = Math.max(worstMark, markErr);
                sumBox += boxErr;
                matched++;
            }
            for (DetectedFace f : found) {
                if (f.score() < CONFIDENT) {
                    continue;
                }
                DetectedFace e = best(expected, f);
                assertTrue(e != null && e.box().iou(f.box()) >= MIN_IOU,
                        sample + "@" + minFace + ": found face " + f.box() + " (" + f.score()
                                + ") is not in the reference " + expected);
            }
        }
        System.out.printf("[%s] MTCNN vs reference at min %d: %d confident faces, box corner error max %.3f px "
                        + "(mean of per-face max %.3f), landmark error max %.3f px%n", backendName(), minFace,
                matched, worstBox, sumBox / Math.max(1, matched), worstMark);
        assertTrue(matched >= 15, "too few confident reference faces compared: " + matched);
    }

    @Test
    @DisplayName("The tutorial's settings (50 px, confidence 0.95) drop faces under 0.95")
    void tutorialSettingsFilterByConfidence() {
        FaceImage image = ImageLoader.defaults().read(SamplePhotos.get("sample2.jpg"));
        Detector d = Registries.detectors().forName("mtcnn").create(DetectorOptions.tutorial(), backend);
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
