package dev.faceid.backend.onnx;

import dev.faceid.testkit.NetworkConformanceSuite;

/** The ONNX Runtime backend passes the network conformance suite. */
class OnnxNetworkConformanceTest extends NetworkConformanceSuite {
    @Override
    protected String backendName() {
        return "onnx";
    }
}
