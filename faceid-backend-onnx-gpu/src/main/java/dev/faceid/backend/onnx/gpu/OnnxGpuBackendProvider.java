package dev.faceid.backend.onnx.gpu;

import dev.faceid.backend.onnx.OnnxBackendProvider;
import java.util.List;

/**
 * Provides {@code "onnx-gpu"}: the bundled ONNX models on ONNX Runtime's CUDA build (CUDA 12 and cuDNN 9 must be
 * installed on the host, as ONNX Runtime requires). It runs on GPU 0 unless told otherwise and falls back to the
 * CPU, with one warning, where no GPU is visible. Priority 110, above the CPU {@code "onnx"} provider that comes
 * with it, so swapping the jar is enough. Immutable and thread-safe.
 */
public final class OnnxGpuBackendProvider extends OnnxBackendProvider {

    @Override
    public String name() {
        return "onnx-gpu";
    }

    @Override
    public int priority() {
        return 110;
    }

    @Override
    public String artifact() {
        return "dev.faceid:faceid-backend-onnx-gpu";
    }

    @Override
    protected String defaultDevice() {
        return "gpu";
    }

    @Override
    protected List<String> nativeResources() {
        // The CUDA execution provider is what distinguishes this build from the CPU one.
        String p = platform().replace("x86_64", "x64");
        return List.of("ai/onnxruntime/native/" + p + "/libonnxruntime_providers_cuda.so",
                "ai/onnxruntime/native/" + p + "/onnxruntime_providers_cuda.dll");
    }
}
