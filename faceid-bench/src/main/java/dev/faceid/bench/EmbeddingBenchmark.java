package dev.faceid.bench;

import dev.faceid.core.FaceId;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.embed.Embedder;
import dev.faceid.api.image.FaceImage;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Face embedding throughput (alignment, MobileFaceNet, normalisation) in faces per second, at batch 1, 8, 16 and 32.
 *
 * <p>One operation is one face. {@link OperationsPerInvocation} must be a constant, so every invocation embeds
 * {@value #FACES_PER_INVOCATION} faces: {@code 32 / batch} calls of {@code embedAll} with {@code batch} copies of
 * the same detected face each. The score is therefore faces/s at every batch size.
 * Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class EmbeddingBenchmark {
    static final int FACES_PER_INVOCATION = 32;

    @Param({"onnx", "pytorch"})
    public String backend;

    @Param({"1", "8", "16", "32"})
    public int batch;

    private FaceId faceId;
    private Embedder embedder;
    private FaceImage frame;
    private List<DetectedFace> faces;
    private int callsPerInvocation;

    @Setup(Level.Trial)
    public void setUp() {
        if (batch <= 0 || FACES_PER_INVOCATION % batch != 0) {
            throw new IllegalArgumentException("batch must divide " + FACES_PER_INVOCATION + ", got " + batch);
        }
        frame = BenchFrames.frame("640x480");
        faceId = FaceId.builder().optBackend(backend).build();
        embedder = faceId.embedder();
        faces = Collections.nCopies(batch, faceId.largestFace(frame));
        callsPerInvocation = FACES_PER_INVOCATION / batch;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (faceId != null) {
            faceId.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(FACES_PER_INVOCATION)
    public void embedFaces(Blackhole bh) {
        for (int i = 0; i < callsPerInvocation; i++) {
            bh.consume(embedder.embedAll(frame, faces));
        }
    }
}
