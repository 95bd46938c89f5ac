package dev.faceid.cli;

import dev.faceid.api.detect.DetectorOptions;
import picocli.CommandLine.Option;

/** The detector flags shared by every command that looks for faces. */
final class DetectionOptions {
    @Option(names = "--tutorial",
            description = "The FaceNet tutorial's video settings: minimum face 50 px, confidence 0.95.")
    boolean tutorial;

    @Option(names = "--min-face", paramLabel = "PX",
            description = "Smallest face side to look for, in pixels (default: 20, or 50 with --tutorial).")
    Integer minFace;

    @Option(names = "--min-confidence", paramLabel = "P",
            description = "Ignore detections scoring below this (default: 0.9, or 0.95 with --tutorial).")
    Double minConfidence;

    DetectorOptions toOptions() {
        DetectorOptions base = tutorial ? DetectorOptions.tutorial() : DetectorOptions.defaults();
        // Below 0.9 the cascade's weakest detections are mostly ears, hands and patterns, not faces.
        double confidence = minConfidence != null ? minConfidence : tutorial ? base.minConfidence() : 0.9;
        return DetectorOptions.builder()
                .optMinFaceSize(minFace != null ? minFace : base.minFaceSize())
                .optMinConfidence(confidence)
                .optScaleFactor(base.scaleFactor())
                .optStageThresholds(base.stageThresholds().stream().mapToDouble(Double::doubleValue).toArray())
                .build();
    }
}
