package dev.faceid.backend.onnx.gpu;

import ai.djl.engine.Engine;
import dev.faceid.testkit.GpuArtifactSuite;

/** The onnx-gpu artifact resolves, loads, reports its device and identifies faces there, GPU or not. */
class OnnxGpuDeviceTest extends GpuArtifactSuite {
    @Override
    protected String gpuBackend() {
        return "onnx-gpu";
    }

    @Override
    protected String cpuBackend() {
        return "onnx";
    }

    @Override
    protected int visibleGpus() {
        return Engine.getEngine("OnnxRuntime").getGpuCount();
    }
}
