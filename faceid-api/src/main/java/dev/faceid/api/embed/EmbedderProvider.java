package dev.faceid.api.embed;

import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.spi.Provider;

/**
 * Service provider of an {@link Embedder}, registered in
 * {@code META-INF/services/dev.faceid.api.embed.EmbedderProvider}. Immutable and thread-safe.
 */
public interface EmbedderProvider extends Provider {

    /** The model used when the options name none. */
    EmbeddingModel defaultModel();

    /**
     * Creates an embedder, loading its network through {@code backend}. The embedder does not own the backend.
     *
     * @throws dev.faceid.api.error.ModelException if the network cannot be loaded or does not match the description
     */
    Embedder create(EmbedderOptions options, InferenceBackend backend);
}
