package dev.faceid.backend.pytorch.gpu;

import dev.faceid.testkit.NetworkConformanceSuite;

/** The pytorch-gpu artifact passes the network conformance suite on whatever device it chose. */
class PyTorchGpuNetworkConformanceTest extends NetworkConformanceSuite {
    @Override
    protected String backendName() {
        return "pytorch-gpu";
    }
}
