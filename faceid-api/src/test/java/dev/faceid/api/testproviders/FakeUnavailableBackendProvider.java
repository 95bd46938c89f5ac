package dev.faceid.api.testproviders;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BackendProvider;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.spi.Availability;

/**
 * Test-only backend registered through src/test/resources: the highest priority but unavailable, with a cause, as a
 * backend whose native library is missing would be.
 */
public final class FakeUnavailableBackendProvider implements BackendProvider {
    public static final String NAME = "fake-broken";
    public static final String REASON = "libfake.so is missing";
    /** One shared instance so that tests can check the very cause object travels into the exception. */
    public static final Throwable CAUSE = new UnsatisfiedLinkError("no fake in java.library.path");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability availability() {
        return Availability.unavailable(REASON, CAUSE);
    }

    @Override
    public String artifact() {
        return "test:fake-broken";
    }

    @Override
    public InferenceBackend create(BackendOptions options) {
        throw new UnsupportedOperationException("test provider");
    }
}
