package dev.faceid.api.testproviders;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BackendProvider;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.spi.Availability;

/** Test-only backend registered through src/test/resources: available, priority 1 (never the default). */
public final class FakeLowPriorityBackendProvider implements BackendProvider {
    public static final String NAME = "fake-low";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Availability availability() {
        return Availability.ok();
    }

    @Override
    public String artifact() {
        return "test:fake-low";
    }

    @Override
    public InferenceBackend create(BackendOptions options) {
        throw new UnsupportedOperationException("test provider");
    }
}
