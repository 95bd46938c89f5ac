package dev.faceid.backend.pytorch.gpu;

import dev.faceid.backend.pytorch.PyTorchBackendProvider;
import java.util.List;

/**
 * Provides {@code "pytorch-gpu"}: the bundled TorchScript models on PyTorch 2.5.1 with CUDA 12.4 natives (only the
 * NVIDIA driver is needed on the host). It runs on GPU 0 unless told otherwise; where no GPU is visible DJL loads
 * the CPU natives of the same version, shipped alongside, and faceid logs one warning. Priority 60, above the CPU
 * {@code "pytorch"} provider that comes with it. Immutable and thread-safe.
 */
public final class PyTorchGpuBackendProvider extends PyTorchBackendProvider {

    @Override
    public String name() {
        return "pytorch-gpu";
    }

    @Override
    public int priority() {
        return 60;
    }

    @Override
    public String artifact() {
        return "dev.faceid:faceid-backend-pytorch-gpu";
    }

    @Override
    protected String defaultDevice() {
        return "gpu";
    }

    @Override
    protected List<String> nativeResources() {
        return List.of("pytorch/cu124/" + platform() + "/libtorch_cuda.so");
    }
}
