package dev.faceid.core.gallery;

import dev.faceid.api.error.ConfigurationException;
import java.util.Objects;

/**
 * How the in-memory gallery stores and searches its embeddings. Immutable and thread-safe; build with
 * {@link #builder()}. The gallery file is the same whatever the options: int8 codes are derived when a gallery is
 * created or loaded.
 *
 * @param storage     {@link Storage#FLOAT32} (the default) or {@link Storage#INT8}
 * @param parallelism how many threads one search may use on a large gallery (at least 1); a search of fewer than
 *                    {@value #PARALLEL_MIN_SAMPLES} samples always runs on the calling thread alone
 */
public record GalleryOptions(Storage storage, int parallelism) {

    /** Below this many samples a scan takes well under a millisecond and handing work to other threads costs more. */
    public static final int PARALLEL_MIN_SAMPLES = 65_536;

    /** How embeddings are held in memory. Immutable and thread-safe. */
    public enum Storage {
        /** Only the float vectors; every search reads all of them. */
        FLOAT32,
        /**
         * The float vectors plus an int8 copy (one code per value and one scale per vector, a quarter of the
         * bytes). A nearest-sample search scans the codes, then re-ranks exactly with the floats every person the
         * codes cannot rule out, using a proven bound on the quantisation error: its answers equal the
         * {@link #FLOAT32} answers. Costs 25% more memory. {@link dev.faceid.api.search.Aggregation#MEAN} needs every
         * exact distance and scans the floats.
         */
        INT8
    }

    public GalleryOptions {
        Objects.requireNonNull(storage, "storage");
        if (parallelism < 1) {
            throw new ConfigurationException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** Float storage, one search thread per available processor. */
    public static GalleryOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Not thread-safe. */
    public static final class Builder {
        private Storage storage = Storage.FLOAT32;
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        public Builder optStorage(Storage storage) {
            this.storage = storage;
            return this;
        }

        public Builder optParallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public GalleryOptions build() {
            return new GalleryOptions(storage, parallelism);
        }
    }
}
