package dev.faceid.bench;

import dev.faceid.api.Registries;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BundledModel;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.backend.Network;
import dev.faceid.models.mtcnn.MtcnnModels;
import java.nio.file.Path;
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
 * One forward pass of one MTCNN network on the input shape a 640x480 detection gives it (P-Net: the first pyramid
 * level at minimum face 20, 385x289; R-Net: 64 crops; O-Net: 16 crops), with nothing around it. {@code modelFolder}
 * runs other model files by the same names (an earlier conversion, say) so two conversions compare in one run; the
 * default, empty, runs the bundled ones.
 * Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NetworkBenchmark {

    @Param({"onnx", "pytorch"})
    public String backend;

    @Param({"pnet", "rnet", "onet"})
    public String network;

    @Param({""})
    public String modelFolder;

    private InferenceBackend engine;
    private Network net;
    private FloatTensor input;

    @Setup(Level.Trial)
    public void setUp() {
        BackendOptions.Builder options = BackendOptions.builder();
        if (!modelFolder.isEmpty()) {
            options.optModelFolder(Path.of(modelFolder));
        }
        engine = Registries.backends().forName(backend).create(options.build());
        BundledModel model = switch (network) {
            case "pnet" -> MtcnnModels.PNET;
            case "rnet" -> MtcnnModels.RNET;
            case "onet" -> MtcnnModels.ONET;
            default -> throw new IllegalArgumentException("network must be pnet, rnet or onet, got " + network);
        };
        long[] shape = switch (network) {
            case "pnet" -> new long[] {1, 3, 289, 385};
            case "rnet" -> new long[] {64, 3, 24, 24};
            default -> new long[] {16, 3, 48, 48};
        };
        net = engine.load(ModelSource.bundled(model));
        input = BenchTensors.random(20261202, shape);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (engine != null) {
            engine.close();
        }
    }

    @Benchmark
    public List<FloatTensor> forward() {
        return net.run(input);
    }
}
