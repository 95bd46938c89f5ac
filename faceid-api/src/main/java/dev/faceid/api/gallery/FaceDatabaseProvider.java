package dev.faceid.api.gallery;

import dev.faceid.api.spi.Provider;

/**
 * Service provider of a {@link FaceDatabase}, registered in
 * {@code META-INF/services/dev.faceid.api.gallery.FaceDatabaseProvider}. Immutable and thread-safe.
 */
public interface FaceDatabaseProvider extends Provider {

    /** An empty database for embeddings of {@code modelId} with {@code dimension} values. */
    FaceDatabase create(String modelId, int dimension);

    /**
     * Opens an existing gallery whatever its model, at a location in this provider's own form: a file path for the
     * in-memory gallery, a collection's address for one that lives in a search server.
     *
     * @throws dev.faceid.api.error.GalleryException if it is missing, damaged or of a newer format
     */
    FaceDatabase open(String location);
}
