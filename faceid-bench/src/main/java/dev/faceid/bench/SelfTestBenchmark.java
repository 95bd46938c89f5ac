package dev.faceid.bench;

import dev.faceid.api.Registries;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BackendProvider;
import dev.faceid.api.backend.BundledModel;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.backend.Network;
import dev.faceid.models.mobilefacenet.MobileFaceNetModels;
import dev.faceid.models.mtcnn.MtcnnModels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the load-time self-test costs: starting a backend and loading its four bundled networks ({@code loadOnly}),
 * the same with the known-answer check ({@code selfTest}), and the same without the check but with one run of each
 * network on inputs of the known answers' shapes ({@code firstRun}): an engine's first run of a network does work
 * (TorchScript profiles its graph, ONNX Runtime sizes its arena) that the first request pays when the self-test has
 * not. The engine's natives load once per fork (in setup); each invocation is a new backend with new sessions.
 * Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3)
@Measurement(iterations = 21)
public class SelfTestBenchmark {

    @Param({"onnx", "pytorch"})
    public String backend;

    @Param({"loadOnly", "selfTest", "firstRun"})
    public String start;

    private BackendProvider provider;
    private BackendOptions options;
    /** Each network with an input of its known answer's shape, in load order. */
    private final Map<BundledModel, FloatTensor> inputs = new LinkedHashMap<>();

    @Setup(Level.Trial)
    public void startEngine() {
        if (!List.of("loadOnly", "selfTest", "firstRun").contains(start)) {
            throw new IllegalArgumentException("start must be loadOnly, selfTest or firstRun, got " + start);
        }
        provider = Registries.backends().forName(backend);
        provider.create(BackendOptions.builder().optSelfTest(false).build()).close();
        options = BackendOptions.builder().optSelfTest(start.equals("selfTest")).build();
        inputs.put(MtcnnModels.PNET, BenchTensors.random(1, 1, 3, 97, 131));
        inputs.put(MtcnnModels.RNET, BenchTensors.random(2, 2, 3, 24, 24));
        inputs.put(MtcnnModels.ONET, BenchTensors.random(3, 2, 3, 48, 48));
        inputs.put(MobileFaceNetModels.MOBILEFACENET, BenchTensors.random(4, 2, 3, 112, 112));
    }

    @Benchmark
    public int loadFourNetworks() {
        try (InferenceBackend b = provider.create(options)) {
            int outputs = 0;
            for (BundledModel n : inputs.keySet()) {
                Network network = b.load(ModelSource.bundled(n));
                outputs += start.equals("firstRun") ? network.run(inputs.get(n)).size() : network.parallelism();
            }
            return outputs;
        }
    }
}
