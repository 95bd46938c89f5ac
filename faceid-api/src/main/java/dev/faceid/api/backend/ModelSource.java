package dev.faceid.api.backend;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a network's weights come from: a model bundled in the backend's jar, named without extension (each
 * backend maps the name to its own format, e.g. {@code pnet.onnx} or {@code pnet.pt}), or a file the user supplies.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ModelSource {

    /** A model shipped inside the backend artifact, e.g. {@code "mobilefacenet"}. */
    record Bundled(String name) implements ModelSource {
        public Bundled {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A model file in the format of the backend that loads it (ONNX for the ONNX backend, TorchScript for PyTorch). */
    record File(Path path) implements ModelSource {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    static ModelSource bundled(String name) {
        return new Bundled(name);
    }

    static ModelSource file(Path path) {
        return new File(path);
    }
}
