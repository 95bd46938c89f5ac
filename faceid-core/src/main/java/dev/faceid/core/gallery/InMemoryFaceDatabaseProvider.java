package dev.faceid.core.gallery;

import dev.faceid.api.gallery.FaceDatabaseProvider;
import dev.faceid.api.spi.Availability;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Provides {@code "memory"}: the default in-memory gallery with the versioned, checksummed, atomically saved
 * file format described in {@code GalleryFormat}. Pure Java, always available. Thread-safe.
 *
 * <p>Searches use the Java Vector API when the JVM is started with {@code --add-modules jdk.incubator.vector}, and a
 * scalar loop otherwise (one INFO line, when the first gallery is created, says which);
 * {@code -Dfaceid.search.kernel=scalar|vector} forces one. The overloads with {@link GalleryOptions} choose int8 storage and the search parallelism.
 */
public final class InMemoryFaceDatabaseProvider implements FaceDatabaseProvider {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.ok();
    }

    @Override
    public String artifact() {
        return "dev.faceid:faceid-core";
    }

    @Override
    public InMemoryFaceDatabase create(String modelId, int dimension) {
        return create(modelId, dimension, GalleryOptions.defaults());
    }

    /** An empty database stored and searched as {@code options} say. */
    public InMemoryFaceDatabase create(String modelId, int dimension, GalleryOptions options) {
        Objects.requireNonNull(modelId, "modelId");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        return new InMemoryFaceDatabase(GallerySnapshot.empty(modelId, dimension), options,
                ScanKernels.fromSystemProperty());
    }

    /** The location is a gallery file's path. */
    @Override
    public InMemoryFaceDatabase open(String location) {
        return open(Path.of(location));
    }

    /**
     * Opens a gallery file whatever its model.
     *
     * @throws dev.faceid.api.error.GalleryException if it is damaged or of a newer format
     */
    public InMemoryFaceDatabase open(Path file) {
        return open(file, GalleryOptions.defaults());
    }

    /** Opens a gallery file whatever its model, stored and searched as {@code options} say. */
    public InMemoryFaceDatabase open(Path file, GalleryOptions options) {
        return new InMemoryFaceDatabase(InMemoryFaceDatabase.read(file), options, ScanKernels.fromSystemProperty());
    }
}
