package dev.faceid.api.search;

/**
 * Distance between two L2-normalised embeddings. Both are monotone in the dot product, so a gallery scan computes
 * dot products only and converts at the end.
 */
public enum Metric {
    /** {@code 1 - cos}, in [0, 2]. */
    COSINE {
        @Override
        public double fromDot(double dot) {
            return 1 - dot;
        }

        @Override
        public double toDot(double distance) {
            return 1 - distance;
        }
    },
    /** Euclidean distance, {@code sqrt(2 - 2 cos)}, in [0, 2]. */
    L2 {
        @Override
        public double fromDot(double dot) {
            return Math.sqrt(Math.max(0, 2 - 2 * dot));
        }

        @Override
        public double toDot(double distance) {
            return 1 - distance * distance / 2;
        }
    };

    /** The distance between two unit vectors whose dot product is {@code dot}. */
    public abstract double fromDot(double dot);

    /** The dot product that gives {@code distance}; the inverse of {@link #fromDot}. */
    public abstract double toDot(double distance);

    /** Confidence in [0, 1] as the tutorial defines it: {@code 1 - cosine distance}, clamped. */
    public double confidence(double distance) {
        return Math.max(0, Math.min(1, toDot(distance)));
    }
}
