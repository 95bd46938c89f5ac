package dev.faceid.cli;

import dev.faceid.api.detect.DetectorOptions;
import picocli.CommandLine.Option;

/** The detector flags shared by every command that looks for faces. */
final class DetectionOptions {
    @Option(names = "--video-preset",
            description = "Large, confident faces only (minimum face 50 px, confidence 0.95), for video rates.")
    boolean videoPreset;

    @Option(names = "--min-face", paramLabel = "PX",
            description = "Smallest face side to look for, in pixels (default: 20, or 50 with --video-preset).")
    Integer minFace;

    @Option(names = "--min-confidence", paramLabel = "P",
            description = "Ignore detections scoring below this (default: 0.9, or 0.95 with --video-preset).")
    Double minConfidence;

    DetectorOptions toOptions() {
        DetectorOptions base = videoPreset ? DetectorOptions.video() : DetectorOptions.defaults();
        // Below 0.9 the cascade's weakest detections are mostly ears, hands and patterns, not faces.
        double confidence = minConfidence != null ? minConfidence : videoPreset ? base.minConfidence() : 0.9;
        return DetectorOptions.builder()
                .optMinFaceSize(minFace != null ? minFace : base.minFaceSize())
                .optMinConfidence(confidence)
                .build();
    }
}
