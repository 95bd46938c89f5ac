package dev.faceid.core;

import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.match.MatchResult;
import java.util.Objects;

/**
 * One face found in an image and who it is. Immutable and thread-safe.
 *
 * @param face  where the face is
 * @param match who it is, or that it is unknown
 */
public record Identification(DetectedFace face, MatchResult match) {
    public Identification {
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(match, "match");
    }
}
