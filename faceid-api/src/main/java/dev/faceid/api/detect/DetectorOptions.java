package dev.faceid.api.detect;

import dev.faceid.api.error.ConfigurationException;
import java.util.List;

/**
 * Settings of a face detector. Immutable and thread-safe; build with {@link #builder()} or start from
 * {@link #defaults()} (the MTCNN paper's settings) or {@link #video()} (large, confident faces only, for video
 * rates).
 *
 * @param minFaceSize     smallest face side in pixels to look for; smaller is slower
 * @param minConfidence   faces scoring below this are dropped after the last stage
 * @param scaleFactor     ratio between pyramid levels of cascade detectors, in (0, 1)
 * @param stageThresholds per-stage score thresholds of cascade detectors (MTCNN has three)
 */
public record DetectorOptions(int minFaceSize, double minConfidence, double scaleFactor,
                              List<Double> stageThresholds) {

    public DetectorOptions {
        stageThresholds = List.copyOf(stageThresholds);
        if (minFaceSize < 12) {
            throw new ConfigurationException("minFaceSize must be at least 12 pixels (the detector's window), got "
                    + minFaceSize);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new ConfigurationException("minConfidence must be in [0, 1], got " + minConfidence);
        }
        if (!(scaleFactor > 0.1 && scaleFactor < 1)) {
            throw new ConfigurationException("scaleFactor must be in (0.1, 1), got " + scaleFactor);
        }
        for (double t : stageThresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new ConfigurationException("stage thresholds must be in [0, 1], got " + stageThresholds);
            }
        }
    }

    /** Minimum face 20 px, pyramid factor 0.709, stage thresholds 0.6/0.7/0.7, every face the cascade accepts. */
    public static DetectorOptions defaults() {
        return builder().build();
    }

    /**
     * For video: only large, confident faces (minimum face 50 px, final confidence 0.95), the settings of the FaceNet
     * video tutorial faceid comes from. Several times faster than {@link #defaults()} on a camera at conversation
     * distance, and it drops the far-away, blurred faces that recognition would get wrong.
     */
    public static DetectorOptions video() {
        return builder().optMinFaceSize(50).optMinConfidence(0.95).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Not thread-safe; {@link #build()} validates and returns an immutable value. */
    public static final class Builder {
        private int minFaceSize = 20;
        private double minConfidence = 0;
        private double scaleFactor = 0.709;
        private List<Double> stageThresholds = List.of(0.6, 0.7, 0.7);

        private Builder() {
        }

        public Builder optMinFaceSize(int pixels) {
            this.minFaceSize = pixels;
            return this;
        }

        public Builder optMinConfidence(double confidence) {
            this.minConfidence = confidence;
            return this;
        }

        public Builder optScaleFactor(double factor) {
            this.scaleFactor = factor;
            return this;
        }

        public Builder optStageThresholds(double... thresholds) {
            this.stageThresholds = java.util.Arrays.stream(thresholds).boxed().toList();
            return this;
        }

        public DetectorOptions build() {
            return new DetectorOptions(minFaceSize, minConfidence, scaleFactor, stageThresholds);
        }
    }
}
