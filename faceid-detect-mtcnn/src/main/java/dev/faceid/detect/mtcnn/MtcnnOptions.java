package dev.faceid.detect.mtcnn;

import dev.faceid.api.error.ConfigurationException;
import java.util.Arrays;
import java.util.List;

/**
 * The MTCNN cascade's own knobs, beside the {@link dev.faceid.api.detect.DetectorOptions} every detector takes.
 * Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param scaleFactor     ratio between pyramid levels, in (0.1, 1); nearer 1 finds more faces and is slower
 * @param stageThresholds the score a candidate needs to pass P-Net, R-Net and O-Net, each in [0, 1]
 */
public record MtcnnOptions(double scaleFactor, List<Double> stageThresholds) {

    public MtcnnOptions {
        stageThresholds = List.copyOf(stageThresholds);
        if (!(scaleFactor > 0.1 && scaleFactor < 1)) {
            throw new ConfigurationException("scaleFactor must be in (0.1, 1), got " + scaleFactor);
        }
        if (stageThresholds.size() != 3) {
            throw new ConfigurationException("MTCNN needs exactly 3 stage thresholds, got " + stageThresholds);
        }
        for (double t : stageThresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new ConfigurationException("stage thresholds must be in [0, 1], got " + stageThresholds);
            }
        }
    }

    /** The paper's settings: pyramid factor 0.709, stage thresholds 0.6, 0.7, 0.7. */
    public static MtcnnOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Not thread-safe; {@link #build()} validates and returns an immutable value. */
    public static final class Builder {
        private double scaleFactor = 0.709;
        private List<Double> stageThresholds = List.of(0.6, 0.7, 0.7);

        private Builder() {
        }

        public Builder optScaleFactor(double factor) {
            this.scaleFactor = factor;
            return this;
        }

        public Builder optStageThresholds(double pnet, double rnet, double onet) {
            this.stageThresholds = Arrays.asList(pnet, rnet, onet);
            return this;
        }

        public MtcnnOptions build() {
            return new MtcnnOptions(scaleFactor, stageThresholds);
        }
    }
}
