package dev.faceid.api.gallery;

import dev.faceid.api.spi.Provider;
import java.nio.file.Path;

/**
 * Service provider of a {@link FaceDatabase}, registered in
 * {@code META-INF/services/dev.faceid.api.gallery.FaceDatabaseProvider}. Immutable and thread-safe.
 */
public interface FaceDatabaseProvider extends Provider {

    /** An empty database for embeddings of {@code modelId} with {@code dimension} values. */
    FaceDatabase create(String modelId, int dimension);

    /**
     * Opens a gallery file whatever its model.
     *
     * @throws dev.faceid.api.error.GalleryException if it is damaged or of a newer format
     */
    FaceDatabase open(Path file);
}
