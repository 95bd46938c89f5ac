package dev.faceid.backend.onnx.gpu;

import dev.faceid.testkit.NetworkConformanceSuite;

/** The onnx-gpu artifact passes the network conformance suite on whatever device it chose. */
class OnnxGpuNetworkConformanceTest extends NetworkConformanceSuite {
    @Override
    protected String backendName() {
        return "onnx-gpu";
    }
}
