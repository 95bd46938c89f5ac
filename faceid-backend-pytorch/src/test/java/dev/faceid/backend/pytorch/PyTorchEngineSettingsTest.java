package dev.faceid.backend.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.pytorch.jni.JniUtils;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.InferenceBackend;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * libtorch's intra-op thread count is one setting for the whole process; the backend sets it through the engine (and
 * documents that), never through the JVM system properties DJL reads at engine start.
 */
class PyTorchEngineSettingsTest {

    private static int threadsSeenFromAnotherThread() {
        return CompletableFuture.supplyAsync(JniUtils::getNumThreads).join();
    }

    @Test
    @DisplayName("intraOpThreads sets libtorch's process-wide thread count, seen from every thread, with no system "
            + "property")
    void intraOpThreadsGoThroughTheEngine() {
        try (InferenceBackend b = new PyTorchBackendProvider().create(
                BackendOptions.builder().optIntraOpThreads(2).build())) {
            assertEquals(2, JniUtils.getNumThreads());
        }
        try (InferenceBackend b = new PyTorchBackendProvider().create(
                BackendOptions.builder().optIntraOpThreads(1).build())) {
            assertEquals(1, JniUtils.getNumThreads());
            assertEquals(1, threadsSeenFromAnotherThread());
        }
        try (InferenceBackend b = new PyTorchBackendProvider().create(
                BackendOptions.builder().optIntraOpThreads(0).build())) {
            assertEquals(1, JniUtils.getNumThreads(), "0 lets the engine keep what it has");
        }
        assertNull(System.getProperty("ai.djl.pytorch.num_threads"));
        assertNull(System.getProperty("ai.djl.pytorch.num_interop_threads"));
    }
}
