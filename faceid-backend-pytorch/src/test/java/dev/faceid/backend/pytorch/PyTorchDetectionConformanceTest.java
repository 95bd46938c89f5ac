package dev.faceid.backend.pytorch;

import dev.faceid.testkit.DetectionConformanceSuite;

/** MTCNN on the PyTorch backend agrees with the reference MTCNN. */
class PyTorchDetectionConformanceTest extends DetectionConformanceSuite {
    @Override
    protected String backendName() {
        return "pytorch";
    }
}
