package dev.faceid.bench;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * The machine's memory read bandwidth as plain Java sees it: a sum over 768 MB, the size of a 10^6 x 192 float
 * gallery, on one thread or split over every core the way the gallery scan splits (the calling thread plus the common
 * fork-join pool). Microseconds per pass; {@code BenchReport} turns it into GB/s, the yardstick of
 * {@link MatchingBenchmark}'s scans.
 *
 * <p>The block is an {@code int[]}: HotSpot vectorises an int sum (integer addition is associative) but not a float
 * sum, and a scalar float loop is limited by the adds rather than by memory, which would understate the bandwidth.
 * Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class MemoryBandwidthBenchmark {
    /** As many 4-byte values as a 10^6 x 192 float gallery holds. */
    static final int VALUES = 1_000_000 * 192;

    /** {@code 1} or {@code all} (every available processor). */
    @Param({"1", "all"})
    public String threads;

    private int[] data;
    private int parts;

    @Setup(Level.Trial)
    public void setUp() {
        data = new int[VALUES];
        for (int i = 0; i < VALUES; i++) {
            data[i] = i & 0xFF; // touch every page, so the pass reads real memory, not the zero page
        }
        parts = threads.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
    }

    @Benchmark
    public long readAll() {
        if (parts == 1) {
            return sum(data, 0, VALUES);
        }
        return IntStream.range(0, parts).parallel()
                .mapToLong(p -> sum(data, (int) ((long) VALUES * p / parts), (int) ((long) VALUES * (p + 1) / parts)))
                .sum();
    }

    private static int sum(int[] a, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }
}
