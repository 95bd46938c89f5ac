package dev.faceid.detect.mtcnn;

import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.detect.Detector;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.detect.DetectorProvider;
import dev.faceid.api.spi.Availability;
import java.util.Objects;

/**
 * Provides {@code "mtcnn"}. Pure Java; the networks come from whichever backend the caller passes, so it is always
 * available. The instance {@link java.util.ServiceLoader} makes uses {@link MtcnnOptions#defaults()}; construct one
 * with other {@link MtcnnOptions} to tune the cascade. Immutable and thread-safe.
 */
public final class MtcnnDetectorProvider implements DetectorProvider {
    private final MtcnnOptions mtcnn;

    /** The cascade as the MTCNN paper sets it. */
    public MtcnnDetectorProvider() {
        this(MtcnnOptions.defaults());
    }

    /** A cascade tuned by {@code mtcnn}. */
    public MtcnnDetectorProvider(MtcnnOptions mtcnn) {
        this.mtcnn = Objects.requireNonNull(mtcnn, "mtcnn");
    }

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
        return new MtcnnDetector(options, mtcnn, backend);
    }
}
