package dev.faceid.backend.pytorch;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.backend.djl.DjlBackendProvider;
import java.util.List;
import java.util.Map;

/**
 * Provides {@code "pytorch"}: faceid's networks (the TorchScript files of the model artifacts) on PyTorch (libtorch) through DJL, on CPU, with the
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
    protected List<String> jniResources() {
        return List.of("jnilib/" + platform() + "/cpu/libdjl_torch.so");
    }

    @Override
    protected List<String> nativeResources() {
        String p = platform();
        return List.of("pytorch/cpu/" + p + "/libtorch_cpu.so", "pytorch/cpu/" + p + "/libtorch_cpu.dylib",
                "pytorch/cpu/" + p + "/torch_cpu.dll");
    }

    @Override
    protected String modelExtension() {
        return ".pt";
    }

    /**
     * libtorch has one intra-op thread count for the whole process ({@code at::set_num_threads}; measured: a count
     * set on one thread is what every other thread then sees), and no per-model option. So this backend sets it
     * through DJL's {@link JniUtils} when it starts, never through JVM system properties, and only when
     * {@link BackendOptions#intraOpThreads()} names a count: another PyTorch user in the same JVM shares it. The
     * inter-op pool is left alone: the bundled TorchScript graphs never fork.
     */
    @Override
    protected void afterEngineStart(Engine engine, BackendOptions options) {
        if (options.intraOpThreads() > 0 && JniUtils.getNumThreads() != options.intraOpThreads()) {
            JniUtils.setNumThreads(options.intraOpThreads());
        }
    }

    @Override
    protected Map<String, String> engineOptions(BackendOptions options) {
        return Map.of();
    }
}
