package dev.faceid.testkit;

import dev.faceid.api.detect.DetectedFace;

/** How far apart two detections of the same face are. Stateless. */
public final class FaceDifferences {
    private FaceDifferences() {
    }

    /** The largest difference of a box coordinate, in pixels. */
    public static double maxCornerError(DetectedFace a, DetectedFace b) {
        return Math.max(Math.max(Math.abs(a.box().x1() - b.box().x1()), Math.abs(a.box().y1() - b.box().y1())),
                Math.max(Math.abs(a.box().x2() - b.box().x2()), Math.abs(a.box().y2() - b.box().y2())));
    }

    /** The largest distance between corresponding landmarks, in pixels. */
    public static double maxLandmarkError(DetectedFace a, DetectedFace b) {
        double m = 0;
        for (int i = 0; i < a.landmarks().size(); i++) {
            m = Math.max(m, a.landmarks().get(i).distanceTo(b.landmarks().get(i)));
        }
        return m;
    }
}
