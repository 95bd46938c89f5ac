package dev.faceid.api.detect;

import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.spi.Provider;

/**
 * Service provider of a {@link Detector}, registered in
 * {@code META-INF/services/dev.faceid.api.detect.DetectorProvider}. Immutable and thread-safe.
 */
public interface DetectorProvider extends Provider {

    /**
     * Creates a detector, loading its networks through {@code backend}. The detector does not own the backend.
     *
     * @throws dev.faceid.api.error.ModelException if a network cannot be loaded
     */
    Detector create(DetectorOptions options, InferenceBackend backend);
}
