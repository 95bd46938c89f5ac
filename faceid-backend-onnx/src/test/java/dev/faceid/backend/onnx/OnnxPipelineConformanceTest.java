package dev.faceid.backend.onnx;

import dev.faceid.testkit.PipelineConformanceSuite;

/** The whole pipeline on the Onnx backend passes the pipeline conformance suite. */
class OnnxPipelineConformanceTest extends PipelineConformanceSuite {
    @Override
    protected String backendName() {
        return "onnx";
    }
}
