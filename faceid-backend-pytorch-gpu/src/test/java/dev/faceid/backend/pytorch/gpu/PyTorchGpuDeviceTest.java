package dev.faceid.backend.pytorch.gpu;

import ai.djl.engine.Engine;
import dev.faceid.testkit.GpuArtifactSuite;

/** The pytorch-gpu artifact resolves, loads, reports its device and identifies faces there, GPU or not. */
class PyTorchGpuDeviceTest extends GpuArtifactSuite {
    @Override
    protected String gpuBackend() {
        return "pytorch-gpu";
    }

    @Override
    protected String cpuBackend() {
        return "pytorch";
    }

    @Override
    protected int visibleGpus() {
        return Engine.getEngine("PyTorch").getGpuCount();
    }
}
