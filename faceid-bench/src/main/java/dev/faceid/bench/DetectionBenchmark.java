package dev.faceid.bench;

import dev.faceid.core.FaceId;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.image.FaceImage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MTCNN face detection (all three stages, NMS included) on one video frame: milliseconds per frame, by backend, frame
 * size and minimum face size. A smaller minimum face or a larger frame means a deeper image pyramid, so more P-Net
 * passes. Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class DetectionBenchmark {

    @Param({"onnx", "pytorch"})
    public String backend;

    @Param({"640x480", "1280x720"})
    public String frameSize;

    @Param({"20", "50"})
    public int minFace;

    private FaceId faceId;
    private FaceImage frame;

    @Setup(Level.Trial)
    public void setUp() {
        frame = BenchFrames.frame(frameSize);
        faceId = FaceId.builder()
                .optBackend(backend)
                .optDetectorOptions(DetectorOptions.builder().optMinFaceSize(minFace).build())
                .build();
        int faces = faceId.detect(frame).size();
        if (faces == 0) {
            throw new IllegalStateException("No face in the " + frameSize + " benchmark frame on " + backend
                    + " at min face " + minFace + ": the benchmark would measure nothing useful");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (faceId != null) {
            faceId.close();
        }
    }

    @Benchmark
    public List<DetectedFace> detectFrame() {
        return faceId.detect(frame);
    }
}
