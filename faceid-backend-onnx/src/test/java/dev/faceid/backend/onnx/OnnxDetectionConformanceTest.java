package dev.faceid.backend.onnx;

import dev.faceid.testkit.DetectionConformanceSuite;

/** MTCNN on the ONNX Runtime backend agrees with the reference MTCNN. */
class OnnxDetectionConformanceTest extends DetectionConformanceSuite {
    @Override
    protected String backendName() {
        return "onnx";
    }
}
