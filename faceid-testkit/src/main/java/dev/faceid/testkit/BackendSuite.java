package dev.faceid.testkit;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.spi.Registries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Starts the backend under test once per suite, found by name through the class-path registry, and closes it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendSuite {
    protected InferenceBackend backend;

    /** The provider name of the backend under test, e.g. {@code "onnx"}. */
    protected abstract String backendName();

    @BeforeAll
    void startBackend() {
        backend = Registries.backends().forName(backendName()).create(BackendOptions.defaults());
    }

    @AfterAll
    void stopBackend() {
        backend.close();
    }
}
