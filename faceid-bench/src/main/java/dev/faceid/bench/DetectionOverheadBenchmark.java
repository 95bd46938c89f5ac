package dev.faceid.bench;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.backend.Network;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.detect.Detector;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.Registries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * How much of one MTCNN detection is the networks, in milliseconds per 640x480 frame: {@code detect} is the whole
 * detector; {@code networks} replays the very network calls one detection of that frame makes (the same inputs,
 * slices and concurrency, recorded at set-up) with none of the Java work around them: no pyramid, crops or NMS.
 * {@code networks / detect} is the share the engine takes; {@code BenchReport} prints it.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class DetectionOverheadBenchmark {

    @Param({"onnx", "pytorch"})
    public String backend;

    @Param({"20", "50"})
    public int minFace;

    private InferenceBackend inference;
    private Detector detector;
    private FaceImage frame;
    private List<Call> calls;

    /** One recorded network call: a single forward pass, or several run side by side. */
    private record Call(Network network, List<FloatTensor> inputs, boolean sideBySide) {
        Object replay() {
            if (!sideBySide) {
                return network.run(inputs.get(0));
            }
            return network.runAll(suppliers(inputs));
        }
    }

    private static List<Supplier<FloatTensor>> suppliers(List<FloatTensor> tensors) {
        return tensors.stream().map(t -> (Supplier<FloatTensor>) () -> t).toList();
    }

    @Setup(Level.Trial)
    public void setUp() {
        frame = BenchFrames.frame("640x480");
        inference = Registries.backends().forName(backend).create(BackendOptions.defaults());
        DetectorOptions options = DetectorOptions.builder().optMinFaceSize(minFace).build();
        List<Call> recorded = new ArrayList<>();
        Detector recording = Registries.detectors().forName("mtcnn").create(options, new Recorder(recorded));
        if (recording.detect(frame).isEmpty()) {
            throw new IllegalStateException("No face in the benchmark frame: the benchmark would measure nothing");
        }
        calls = List.copyOf(recorded);
        detector = Registries.detectors().forName("mtcnn").create(options, inference);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (inference != null) {
            inference.close();
        }
    }

    @Benchmark
    public List<DetectedFace> detect() {
        return detector.detect(frame);
    }

    @Benchmark
    public List<Object> networks() {
        List<Object> out = new ArrayList<>(calls.size());
        for (Call c : calls) {
            out.add(c.replay());
        }
        return out;
    }

    /** The real backend's networks, wrapped so that every call's inputs are recorded. */
    private final class Recorder implements InferenceBackend {
        private final List<Call> calls;

        Recorder(List<Call> calls) {
            this.calls = calls;
        }

        @Override
        public String name() {
            return inference.name();
        }

        @Override
        public String device() {
            return inference.device();
        }

        @Override
        public Network load(ModelSource source) {
            Network real = inference.load(source);
            // runBatched is left to the interface's default, so its slices arrive here as run or runAll calls.
            return new Network() {
                @Override
                public String name() {
                    return real.name();
                }

                @Override
                public int parallelism() {
                    return real.parallelism();
                }

                @Override
                public List<FloatTensor> run(FloatTensor input) {
                    calls.add(new Call(real, List.of(input), false));
                    return real.run(input);
                }

                @Override
                public List<List<FloatTensor>> runAll(List<? extends Supplier<FloatTensor>> inputs) {
                    List<FloatTensor> made = inputs.stream().map(Supplier::get).toList();
                    calls.add(new Call(real, made, true));
                    return real.runAll(suppliers(made));
                }

                @Override
                public void close() {
                    // The real network belongs to the real backend.
                }
            };
        }

        @Override
        public void close() {
            // Closed with the real backend in tearDown.
        }
    }
}
