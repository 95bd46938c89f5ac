package dev.faceid.backend.pytorch;

import dev.faceid.testkit.SelfTestSuite;
import dev.faceid.testkit.WeightEdits;
import java.io.IOException;
import java.nio.file.Path;

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

    @Override
    protected void alterWeights(Path modelFile) throws IOException {
        WeightEdits.torchScript(modelFile);
    }
}
