package dev.faceid.bench;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.core.gallery.GalleryOptions;
import dev.faceid.core.gallery.InMemoryFaceDatabaseProvider;
import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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
 * One identification search ({@code FaceDatabase.search}, top {@value #K} persons, nearest sample, cosine) in a
 * gallery of {@code N} random unit vectors of {@code d} values, two samples per person: microseconds per query, by
 * kernel (scalar loop or Vector API), threads (one, or every core for galleries of at least 65,536 samples) and
 * storage (float32, or int8 codes with an exact float re-rank). The scan reads {@code N * d * 4} bytes of floats or
 * {@code N * d} bytes of codes; {@code BenchReport} turns that into GB/s and a fraction of
 * {@link MemoryBandwidthBenchmark}'s, measured in the same run.
 *
 * <p>The largest gallery (10^6 x 512, 2 GB of floats plus 0.5 GB of codes) needs the 8 GB fork heap. Thread-safety:
 * JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx8g", "--add-modules", "jdk.incubator.vector",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class MatchingBenchmark {
    static final int K = 5;
    static final int SAMPLES_PER_PERSON = 2;
    /** Queries are cycled so that no single query's branch pattern is learnt; a power of two for the mask. */
    private static final int QUERIES = 16;

    @Param({"1000", "10000", "100000", "1000000"})
    public int n;

    @Param({"128", "192", "512"})
    public int d;

    @Param({"scalar", "vector"})
    public String kernel;

    /** {@code 1} or {@code all} (every available processor). */
    @Param({"1", "all"})
    public String threads;

    @Param({"float32", "int8"})
    public String storage;

    private FaceDatabase gallery;
    private Embedding[] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        // Read once, when the gallery is created: this fork measures exactly the kernel asked for.
        System.setProperty("faceid.search.kernel", kernel);
        GalleryOptions options = GalleryOptions.builder()
                .optStorage(GalleryOptions.Storage.valueOf(storage.toUpperCase(Locale.ROOT)))
                .optParallelism(threads.equals("all") ? Runtime.getRuntime().availableProcessors()
                        : Integer.parseInt(threads))
                .build();
        gallery = new InMemoryFaceDatabaseProvider().create("bench", d, options);
        SplittableRandom rnd = new SplittableRandom(42);
        int persons = n / SAMPLES_PER_PERSON;
        for (int i = 0; i < n; i++) {
            // Interleaved, as people enrol over time: a person's samples are far apart in the block.
            gallery.enroll("person-" + (i % persons), Embedding.of("bench", randomUnit(rnd, d)));
        }
        queries = new Embedding[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            queries[i] = Embedding.of("bench", randomUnit(rnd, d));
        }
    }

    /** A random direction (uniform in the cube, normalised: not uniform on the sphere, and fast to draw). */
    static float[] randomUnit(SplittableRandom rnd, int d) {
        float[] v = new float[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            v[j] = (float) rnd.nextDouble(-1, 1);
            norm += (double) v[j] * v[j];
        }
        for (int j = 0; j < d; j++) {
            v[j] = (float) (v[j] / Math.sqrt(norm));
        }
        return v;
    }

    @Benchmark
    public List<Candidate> search() {
        return gallery.search(queries[next++ & (QUERIES - 1)], K, Aggregation.NEAREST, Metric.COSINE);
    }
}
