package dev.faceid.bench;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BackendProvider;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.spi.Registries;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the load-time self-test costs: starting a backend and loading its four bundled networks, with the known-answer
 * check on and off. The engine's natives load once per fork (in setup); each invocation is a new backend with new
 * engine sessions, so the first-run costs of each network are in it, as in a real start. The self-test's cost is
 * the difference of the two medians.
 * Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3)
@Measurement(iterations = 21)
public class SelfTestBenchmark {
    private static final List<String> NETWORKS = List.of("pnet", "rnet", "onet", "mobilefacenet");

    @Param({"onnx", "pytorch"})
    public String backend;

    @Param({"true", "false"})
    public boolean selfTest;

    private BackendProvider provider;
    private BackendOptions options;

    @Setup(Level.Trial)
    public void startEngine() {
        provider = Registries.backends().forName(backend);
        provider.create(BackendOptions.builder().optSelfTest(false).build()).close();
        options = BackendOptions.builder().optSelfTest(selfTest).build();
    }

    @Benchmark
    public int loadFourNetworks() {
        try (InferenceBackend b = provider.create(options)) {
            int loaded = 0;
            for (String n : NETWORKS) {
                loaded += b.load(ModelSource.bundled(n)).parallelism();
            }
            return loaded;
        }
    }
}
