package dev.faceid.backend.djl;

import dev.faceid.api.backend.BundledModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a backend finds the files of a bundled network ({@code pnet.onnx}) and its known answer ({@code pnet.kat}):
 * the network's model artifact, or the folder of {@link dev.faceid.api.backend.BackendOptions#modelFolder()}.
 * Implementations are immutable and thread-safe.
 */
@FunctionalInterface
interface BundledModels {

    /**
     * Opens the file of {@code model} with {@code extension} (with its dot); empty when it is not there.
     *
     * @throws IOException when it is there but cannot be read
     */
    Optional<InputStream> open(BundledModel model, String extension) throws IOException;

    /** The files the model artifacts on the class path ship. */
    static BundledModels artifacts() {
        return BundledModel::open;
    }

    /** The files of a folder, by network name: {@code pnet.onnx}, {@code pnet.kat}. */
    static BundledModels folder(Path dir) {
        return (model, extension) -> {
            Path file = dir.resolve(model.name() + extension);
            return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
        };
    }
}
