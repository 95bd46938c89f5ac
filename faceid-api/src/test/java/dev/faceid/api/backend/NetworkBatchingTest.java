package dev.faceid.api.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@link Network#runBatched} cuts a job into slices and joins their outputs. */
class NetworkBatchingTest {

    /** Echoes its input as the first output and the input's row sums as the second; records each batch size. */
    private static final class EchoNetwork implements Network {
        private final int parallelism;
        final List<Integer> batches = new ArrayList<>();

        EchoNetwork(int parallelism) {
            this.parallelism = parallelism;
        }

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public synchronized List<FloatTensor> run(FloatTensor input) {
            int n = input.dim(0);
            int per = input.data().length / n;
            float[] sums = new float[n];
            for (int i = 0; i < input.data().length; i++) {
                sums[i / per] += input.data()[i];
            }
            batches.add(n);
            return List.of(input, FloatTensor.of(sums, n, 1));
        }

        @Override
        public void close() {
        }
    }

    /** Item {@code i} is the row {@code (i, -i)}. */
    private static FloatTensor items(int from, int to) {
        float[] data = new float[(to - from) * 2];
        for (int i = from; i < to; i++) {
            data[(i - from) * 2] = i;
            data[(i - from) * 2 + 1] = -i;
        }
        return FloatTensor.of(data, to - from, 2);
    }

    @ParameterizedTest(name = "{0} items, parallelism {1}: {2} slices")
    @CsvSource({
        "1, 2, 1",      // one item: nothing to share
        "15, 2, 1",     // two slices would hold fewer than MIN_SLICE items each
        "16, 2, 2",     // two slices of 8
        "395, 2, 2",    // R-Net's candidates of a 640x480 frame
        "600, 2, 4",    // over MAX_BATCH: 3 slices needed, rounded up to a multiple of the 2 run side by side
        "600, 1, 3"})
    @DisplayName("A job is cut into balanced slices and the outputs are joined in item order")
    void slicesAndJoins(int count, int parallelism, int slices) {
        EchoNetwork net = new EchoNetwork(parallelism);
        List<FloatTensor> out = net.runBatched(count, NetworkBatchingTest::items);
        assertEquals(slices, net.batches.size(), "batches " + net.batches);
        assertEquals(count, net.batches.stream().mapToInt(Integer::intValue).sum());
        int largest = net.batches.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int smallest = net.batches.stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(largest - smallest <= 1 && largest <= Network.MAX_BATCH, "batches " + net.batches);
        assertArrayEquals(items(0, count).data(), out.get(0).data());
        assertArrayEquals(new long[] {count, 2}, out.get(0).shape());
        assertArrayEquals(new float[count], out.get(1).data());
        assertArrayEquals(new long[] {count, 1}, out.get(1).shape());
    }

    @Test
    @DisplayName("An empty job is refused rather than run as an empty batch")
    void emptyJobRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new EchoNetwork(2).runBatched(0, NetworkBatchingTest::items));
    }
}
