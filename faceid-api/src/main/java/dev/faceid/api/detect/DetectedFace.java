package dev.faceid.api.detect;

import java.util.List;
import java.util.Objects;

/**
 * A face found by a {@link Detector}: its box, the detector's confidence, and five landmarks in
 * {@link Landmark} order. Immutable and thread-safe.
 *
 * @param box       face box in image pixels, clipped to the image
 * @param score     detector confidence in [0, 1]
 * @param landmarks exactly five points, indexed by {@link Landmark#ordinal()}
 */
public record DetectedFace(BoundingBox box, double score, List<Point> landmarks) {

    public DetectedFace {
        Objects.requireNonNull(box, "box");
        landmarks = List.copyOf(landmarks);
        if (landmarks.size() != Landmark.values().length) {
            throw new IllegalArgumentException("A face has 5 landmarks, got " + landmarks.size());
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
    }

    public Point landmark(Landmark which) {
        return landmarks.get(which.ordinal());
    }
}
