package dev.faceid.backend.onnx;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.backend.djl.DjlBackendProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Provides {@code "onnx"}: the bundled models on ONNX Runtime through DJL, on CPU. Priority 100, the default
 * backend when several are on the class path. Immutable and thread-safe.
 */
public class OnnxBackendProvider extends DjlBackendProvider {

    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String artifact() {
        return "dev.faceid:faceid-backend-onnx";
    }

    @Override
    protected String engineName() {
        return "OnnxRuntime";
    }

    @Override
    protected List<String> requiredClasses() {
        return List.of("ai.djl.onnxruntime.engine.OrtEngine", "ai.onnxruntime.OrtEnvironment");
    }

    @Override
    protected List<String> nativeResources() {
        String p = platform().replace("x86_64", "x64");
        return List.of("ai/onnxruntime/native/" + p + "/libonnxruntime.so",
                "ai/onnxruntime/native/" + p + "/libonnxruntime.dylib",
                "ai/onnxruntime/native/" + p + "/onnxruntime.dll");
    }

    @Override
    protected String modelResourceDir() {
        return "/dev/faceid/backend/onnx/models";
    }

    @Override
    protected String modelExtension() {
        return ".onnx";
    }

    @Override
    protected void beforeEngineStart(BackendOptions options) {
        // DJL would otherwise hand NDArray operations ONNX Runtime lacks to PyTorch when it is also on the class
        // path: a silent second engine. faceid needs none, so forbid it.
        System.setProperty("ai.djl.onnx.disable_alternative", "true");
    }

    @Override
    protected Map<String, String> engineOptions(BackendOptions options) {
        Map<String, String> o = new HashMap<>();
        o.put("interOpNumThreads", "1");
        if (options.intraOpThreads() > 0) {
            o.put("intraOpNumThreads", Integer.toString(options.intraOpThreads()));
        }
        return o;
    }
}
