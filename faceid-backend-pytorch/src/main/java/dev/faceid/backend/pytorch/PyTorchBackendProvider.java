package dev.faceid.backend.pytorch;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.backend.djl.DjlBackendProvider;
import java.util.List;
import java.util.Map;

/**
 * Provides {@code "pytorch"}: the bundled TorchScript models on PyTorch (libtorch) through DJL, on CPU, with the
 * natives taken from Maven dependencies (never downloaded). Priority 50: below ONNX Runtime, which starts faster
 * and is smaller; choose it explicitly with {@code -Dfaceid.backend=pytorch} when both are present.
 * Immutable and thread-safe.
 */
public class PyTorchBackendProvider extends DjlBackendProvider {

    @Override
    public String name() {
        return "pytorch";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public String artifact() {
        return "dev.faceid:faceid-backend-pytorch";
    }

    @Override
    protected String engineName() {
        return "PyTorch";
    }

    @Override
    protected List<String> requiredClasses() {
        return List.of("ai.djl.pytorch.engine.PtEngine");
    }

    @Override
    protected List<String> nativeResources() {
        String p = platform();
        return List.of("pytorch/cpu/" + p + "/libtorch_cpu.so", "pytorch/cpu/" + p + "/libtorch_cpu.dylib",
                "pytorch/cpu/" + p + "/torch_cpu.dll");
    }

    @Override
    protected String modelResourceDir() {
        return "/dev/faceid/backend/pytorch/models";
    }

    @Override
    protected String modelExtension() {
        return ".pt";
    }

    @Override
    protected void beforeEngineStart(BackendOptions options) {
        // libtorch reads its thread counts once, when the engine starts.
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        if (options.intraOpThreads() > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.intraOpThreads()));
        }
    }

    @Override
    protected Map<String, String> engineOptions(BackendOptions options) {
        return Map.of();
    }
}
