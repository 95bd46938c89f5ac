package dev.faceid.backend.pytorch;

import dev.faceid.testkit.PipelineConformanceSuite;

/** The whole pipeline on the PyTorch backend passes the pipeline conformance suite. */
class PyTorchPipelineConformanceTest extends PipelineConformanceSuite {
    @Override
    protected String backendName() {
        return "pytorch";
    }
}
