package dev.faceid.api.testproviders;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BackendProvider;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.spi.Availability;

/** Test-only backend registered through src/test/resources: available, priority 10. */
public final class FakeAvailableBackendProvider implements BackendProvider {
    public static final String NAME = "fake-ok";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Availability availability() {
        return Availability.ok();
    }

    @Override
    public String artifact() {
        return "test:fake-ok";
    }

    @Override
    public InferenceBackend create(BackendOptions options) {
        throw new UnsupportedOperationException("test provider");
    }
}
