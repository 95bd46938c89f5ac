package dev.faceid.backend.onnx;

import dev.faceid.testkit.SelfTestSuite;

/** The ONNX Runtime backend passes the self-test suite. */
class OnnxSelfTestTest extends SelfTestSuite {
    @Override
    protected String backendName() {
        return "onnx";
    }

    @Override
    protected String modelExtension() {
        return ".onnx";
    }
}
