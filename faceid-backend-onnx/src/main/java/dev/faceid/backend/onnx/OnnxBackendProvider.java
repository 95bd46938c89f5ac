package dev.faceid.backend.onnx;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.backend.djl.DjlBackendProvider;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides {@code "onnx"}: faceid's networks (the ONNX files of the model artifacts) on ONNX Runtime through DJL, on CPU. Priority 100, the default
 * backend when several are on the class path. With PyTorch also on the class path, DJL starts it as ONNX Runtime's
 * "alternative engine" for NDArray operations ONNX Runtime lacks; faceid runs none (its translator only copies
 * tensors in and out), and leaves DJL's process-wide switch for it ({@code ai.djl.onnx.disable_alternative}) to the
 * application. Immutable and thread-safe.
 */
public class OnnxBackendProvider extends DjlBackendProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxBackendProvider.class);

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
    protected String modelExtension() {
        return ".onnx";
    }

    /**
     * DJL settles an engine's default device the first time it needs one, by asking ONNX Runtime for CUDA; the CPU
     * build answers with a WARN line ("Failed to find CUDA shared provider") on every start. Where ONNX Runtime
     * itself lists no CUDA provider that answer is known to be the CPU, so it is given to DJL directly: the same
     * value DJL would compute, without the probe. The engine keeps it in a private field; if a DJL version renames
     * it, the probe (and its warning) simply come back.
     */
    @Override
    protected void afterEngineStart(Engine engine, BackendOptions options) {
        if (gpuCapable() || OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return;
        }
        try {
            Field field = Engine.class.getDeclaredField("defaultDevice");
            field.setAccessible(true);
            synchronized (engine) {
                if (field.get(engine) == null) {
                    field.set(engine, Device.cpu());
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Cannot settle DJL's default device for ONNX Runtime; DJL will probe for CUDA itself", e);
        }
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
