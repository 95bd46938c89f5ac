package dev.faceid.backend.pytorch;

import dev.faceid.testkit.NetworkConformanceSuite;

/** The PyTorch backend passes the network conformance suite. */
class PyTorchNetworkConformanceTest extends NetworkConformanceSuite {
    @Override
    protected String backendName() {
        return "pytorch";
    }
}
