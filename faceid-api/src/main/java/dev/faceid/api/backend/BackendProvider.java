package dev.faceid.api.backend;

import dev.faceid.api.spi.Provider;

/**
 * Service provider of an {@link InferenceBackend}, registered in
 * {@code META-INF/services/dev.faceid.api.backend.BackendProvider}.
 *
 * <p>Thread-safe and cheap: {@link #availability()} checks for the engine without loading its natives.
 */
public interface BackendProvider extends Provider {

    /**
     * Starts the engine (this is where natives load).
     *
     * @throws dev.faceid.api.error.ProviderUnavailableException if the natives cannot be loaded; the cause says why
     */
    InferenceBackend create(BackendOptions options);
}
