package dev.faceid.api.match;

import dev.faceid.api.error.ConfigurationException;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Metric;
import java.util.OptionalDouble;

/**
 * Settings of a matcher. Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param threshold   overrides the embedding model's threshold when present
 * @param margin      if positive, the nearest person must be at least this much nearer than the second, otherwise
 *                    the answer is {@link Decision#AMBIGUOUS}; 0 disables the check
 * @param topK        how many candidates to report (at least 1)
 * @param aggregation how a person's samples combine
 * @param metric      the distance used; the threshold is in this metric
 */
public record MatcherOptions(OptionalDouble threshold, double margin, int topK, Aggregation aggregation,
                             Metric metric) {

    public MatcherOptions {
        if (threshold.isPresent() && !(threshold.getAsDouble() > 0 && threshold.getAsDouble() < 2)) {
            throw new ConfigurationException("threshold must be in (0, 2), got " + threshold.getAsDouble());
        }
        if (!(margin >= 0 && margin < 2)) {
            throw new ConfigurationException("margin must be in [0, 2), got " + margin);
        }
        if (topK < 1) {
            throw new ConfigurationException("topK must be at least 1, got " + topK);
        }
        if (threshold.isPresent() && margin >= threshold.getAsDouble()) {
            throw new ConfigurationException("margin " + margin + " must be smaller than the threshold "
                    + threshold.getAsDouble() + ", or no face could ever be KNOWN");
        }
    }

    public static MatcherOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Not thread-safe; {@link #build()} rejects contradictory settings. */
    public static final class Builder {
        private OptionalDouble threshold = OptionalDouble.empty();
        private double margin;
        private int topK = 3;
        private Aggregation aggregation = Aggregation.NEAREST;
        private Metric metric = Metric.COSINE;

        private Builder() {
        }

        public Builder optThreshold(double threshold) {
            this.threshold = OptionalDouble.of(threshold);
            return this;
        }

        public Builder optMargin(double margin) {
            this.margin = margin;
            return this;
        }

        public Builder optTopK(int k) {
            this.topK = k;
            return this;
        }

        public Builder optAggregation(Aggregation aggregation) {
            this.aggregation = aggregation;
            return this;
        }

        public Builder optMetric(Metric metric) {
            this.metric = metric;
            return this;
        }

        public MatcherOptions build() {
            return new MatcherOptions(threshold, margin, topK, aggregation, metric);
        }
    }
}
