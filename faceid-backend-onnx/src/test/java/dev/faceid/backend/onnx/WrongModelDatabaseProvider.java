package dev.faceid.backend.onnx;

import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.api.gallery.FaceDatabaseProvider;
import dev.faceid.core.gallery.InMemoryFaceDatabaseProvider;
import dev.faceid.api.spi.Availability;

/**
 * A broken database provider, for tests only: whatever model it is asked for, it creates a gallery of another one.
 * Priority below the built-in gallery, so only a test that names it gets it. Immutable and thread-safe.
 */
public final class WrongModelDatabaseProvider implements FaceDatabaseProvider {
    static final String NAME = "wrong-model";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public Availability availability() {
        return Availability.ok();
    }

    @Override
    public String artifact() {
        return "dev.faceid:faceid-backend-onnx (tests)";
    }

    @Override
    public FaceDatabase create(String modelId, int dimension) {
        return new InMemoryFaceDatabaseProvider().create("some-other-model", 128);
    }

    @Override
    public FaceDatabase open(String location) {
        return create("", 0);
    }
}
