package dev.faceid.backend.djl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a backend finds its bundled model files ({@code pnet.onnx}) and their known answers ({@code pnet.kat}):
 * the backend jar's resources, or the folder of {@link dev.faceid.api.backend.BackendOptions#modelFolder()}.
 * Implementations are immutable and thread-safe.
 */
@FunctionalInterface
interface BundledModels {

    /**
     * Opens one file by name; empty when it is not there.
     *
     * @throws IOException when it is there but cannot be read
     */
    Optional<InputStream> open(String fileName) throws IOException;

    /** The resources in folder {@code dir} (e.g. {@code "/dev/faceid/backend/onnx/models"}) of {@code anchor}'s jar. */
    static BundledModels resources(Class<?> anchor, String dir) {
        return fileName -> Optional.ofNullable(anchor.getResourceAsStream(dir + "/" + fileName));
    }

    /** The files of a folder. */
    static BundledModels folder(Path dir) {
        return fileName -> {
            Path file = dir.resolve(fileName);
            return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
        };
    }
}
