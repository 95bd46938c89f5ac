package dev.faceid.backend.onnx;

import dev.faceid.testkit.SelfTestSuite;
import dev.faceid.testkit.WeightEdits;
import java.io.IOException;
import java.nio.file.Path;

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

    @Override
    protected void alterWeights(Path modelFile) throws IOException {
        WeightEdits.onnx(modelFile);
    }
}
