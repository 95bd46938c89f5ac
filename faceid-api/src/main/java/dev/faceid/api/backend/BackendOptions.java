package dev.faceid.api.backend;

import dev.faceid.api.error.ConfigurationException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a backend runs its networks.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param intraOpThreads threads one inference may use; 0 lets the engine decide
 * @param poolSize       how many inferences may run at once per network; each holds its own engine state
 * @param device         {@code "cpu"}, {@code "gpu"} or {@code "gpu:N"}; empty picks the backend's default
 * @param selfTest       whether each bundled network must reproduce its bundled known answer when it loads (on by
 *                       default; a few milliseconds per network). Turn it off only where many instances start on
 *                       machines already proven by one that ran it.
 * @param modelFolder    a folder whose files replace the bundled models and their known answers, by name (for
 *                       example {@code pnet.onnx} and {@code pnet.kat}); empty uses the files inside the backend jar
 */
public record BackendOptions(int intraOpThreads, int poolSize, Optional<String> device, boolean selfTest,
                             Optional<Path> modelFolder) {

    public BackendOptions {
        if (intraOpThreads < 0) {
            throw new ConfigurationException("intraOpThreads must be >= 0, got " + intraOpThreads);
        }
        if (poolSize < 1) {
            throw new ConfigurationException("poolSize must be >= 1, got " + poolSize);
        }
    }

    /** Defaults sized for small machines: one engine thread per inference, one inference per core. */
    public static BackendOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Not thread-safe; each {@link #build()} returns an independent immutable value. */
    public static final class Builder {
        private int intraOpThreads = 1;
        private int poolSize = Runtime.getRuntime().availableProcessors();
        private Optional<String> device = Optional.empty();
        private boolean selfTest = true;
        private Optional<Path> modelFolder = Optional.empty();

        private Builder() {
        }

        public Builder optIntraOpThreads(int threads) {
            this.intraOpThreads = threads;
            return this;
        }

        public Builder optPoolSize(int size) {
            this.poolSize = size;
            return this;
        }

        public Builder optDevice(String device) {
            this.device = Optional.of(device);
            return this;
        }

        public Builder optSelfTest(boolean selfTest) {
            this.selfTest = selfTest;
            return this;
        }

        public Builder optModelFolder(Path folder) {
            this.modelFolder = Optional.of(folder);
            return this;
        }

        public BackendOptions build() {
            return new BackendOptions(intraOpThreads, poolSize, device, selfTest, modelFolder);
        }
    }
}
