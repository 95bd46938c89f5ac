package dev.faceid.detect.mtcnn;

import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.detect.Detector;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.detect.DetectorProvider;
import dev.faceid.api.spi.Availability;

/**
 * Provides {@code "mtcnn"}. Pure Java; the networks come from whichever backend the caller passes, so it is always
 * available. Immutable and thread-safe.
 */
public final class MtcnnDetectorProvider implements DetectorProvider {

    @Override
    public String name() {
        return "mtcnn";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability availability() {
        return Availability.ok();
    }

    @Override
    public String artifact() {
        return "dev.faceid:faceid-detect-mtcnn";
    }

    @Override
    public Detector create(DetectorOptions options, InferenceBackend backend) {
        return new MtcnnDetector(options, backend);
    }
}
