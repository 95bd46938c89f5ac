package dev.faceid.api.gallery;

import dev.faceid.api.spi.Availability;
import java.nio.file.Path;

/**
 * Provides {@code "memory"}: the default in-memory gallery with the versioned, checksummed, atomically saved
 * file format described in {@code GalleryFormat}. Pure Java, always available. Thread-safe.
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
        return "dev.faceid:faceid-api";
    }

    @Override
    public FaceDatabase create(String modelId, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        return new InMemoryFaceDatabase(modelId, dimension);
    }

    @Override
    public FaceDatabase open(Path file) {
        return new InMemoryFaceDatabase(InMemoryFaceDatabase.read(file));
    }
}
