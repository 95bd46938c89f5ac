package dev.faceid.api.backend;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a network's weights come from: a network of a faceid model artifact, in whichever format the backend
 * reads ({@code pnet.onnx} or {@code pnet.pt}), or a file the user supplies.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ModelSource {

    /** A network of a model artifact, e.g. {@code MtcnnModels.PNET}. */
    record Bundled(BundledModel model) implements ModelSource {
        public Bundled {
            Objects.requireNonNull(model, "model");
        }
    }

    /** A model file in the format of the backend that loads it (ONNX for the ONNX backend, TorchScript for PyTorch). */
    record File(Path path) implements ModelSource {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    static ModelSource bundled(BundledModel model) {
        return new Bundled(model);
    }

    static ModelSource file(Path path) {
        return new File(path);
    }
}
