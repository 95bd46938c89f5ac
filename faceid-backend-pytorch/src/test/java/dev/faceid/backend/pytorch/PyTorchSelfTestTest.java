package dev.faceid.backend.pytorch;

import dev.faceid.testkit.SelfTestSuite;

/** The PyTorch backend passes the self-test suite. */
class PyTorchSelfTestTest extends SelfTestSuite {
    @Override
    protected String backendName() {
        return "pytorch";
    }

    @Override
    protected String modelExtension() {
        return ".pt";
    }
}
