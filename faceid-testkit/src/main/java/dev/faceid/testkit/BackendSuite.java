package dev.faceid.testkit;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.Registries;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Starts the backend under test once per suite, found by name through the class-path registry, and closes it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendSuite {
    protected InferenceBackend backend;
    /** The JVM's system properties just before the backend started, to prove it sets none. */
    protected Map<Object, Object> propertiesBeforeStart;

    /** The provider name of the backend under test, e.g. {@code "onnx"}. */
    protected abstract String backendName();

    @BeforeAll
    void startBackend() {
        propertiesBeforeStart = new HashMap<>(System.getProperties());
        backend = Registries.backends().forName(backendName()).create(BackendOptions.defaults());
    }

    @AfterAll
    void stopBackend() {
        backend.close();
    }
}
