package dev.faceid.api.detect;

import dev.faceid.api.error.ConfigurationException;

/**
 * Settings of a face detector. Immutable and thread-safe; build with {@link #builder()} or start from
 * {@link #defaults()} (the MTCNN paper's settings) or {@link #video()} (large, confident faces only, for video
 * rates).
 *
 * <p>Only what every detector understands lives here; a detector's own knobs (MTCNN's pyramid factor and stage
 * thresholds, say) belong to its provider.
 *
 * @param minFaceSize   smallest face side in pixels to look for; smaller is slower
 * @param minConfidence faces scoring below this are dropped
 */
public record DetectorOptions(int minFaceSize, double minConfidence) {

    public DetectorOptions {
        if (minFaceSize < 12) {
            throw new ConfigurationException("minFaceSize must be at least 12 pixels (the detector's window), got "
                    + minFaceSize);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new ConfigurationException("minConfidence must be in [0, 1], got " + minConfidence);
        }
    }

    /** Minimum face 20 px, every face the detector accepts. */
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

        public DetectorOptions build() {
            return new DetectorOptions(minFaceSize, minConfidence);
        }
    }
}
