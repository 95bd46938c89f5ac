package dev.faceid.api.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A loaded neural network with one float input and one or more float outputs.
 *
 * <p>Thread-safe: any number of threads may call it at once; the implementation pools what the engine cannot share.
 * Closing releases native memory; running a closed network throws.
 */
public interface Network extends AutoCloseable {

    /** {@link #runBatched} never puts more items than this into one forward pass, so a crowd stays in bounded memory. */
    int MAX_BATCH = 256;

    /**
     * {@link #runBatched} only splits a job over the cores when every slice keeps at least this many items: below
     * that, handing a slice to another thread costs more than the core it frees.
     */
    int MIN_SLICE = 8;

    /** The name this network was loaded under, for messages. */
    String name();

    /**
     * Runs one forward pass on the calling thread.
     *
     * @param input NCHW float32 batch
     * @return the outputs, in the order the model declares them
     * @throws dev.faceid.api.error.InferenceException if the engine fails
     */
    List<FloatTensor> run(FloatTensor input);

    /** How many forward passes this network runs at once; at least 1. */
    default int parallelism() {
        return 1;
    }

    /**
     * Prepares and runs one forward pass per supplier, e.g. the levels of an image pyramid. Implementations may run
     * them concurrently, up to {@link #parallelism()} at a time. Each supplier is called on the thread that then
     * runs its input, so preparing the inputs (resampling, cropping, aligning) is spread over the cores along with
     * the inference. The results are in the order of {@code inputs}.
     *
     * @throws dev.faceid.api.error.InferenceException if the engine fails on any of them
     */
    default List<List<FloatTensor>> runAll(List<? extends Supplier<FloatTensor>> inputs) {
        return inputs.stream().map(s -> run(s.get())).toList();
    }

    /** Builds the network input for items {@code from} (inclusive) to {@code to} (exclusive) of a larger job. */
    @FunctionalInterface
    interface BatchBuilder {
        FloatTensor build(int from, int to);
    }

    /**
     * Runs the network over {@code count} items, such as face crops, whose input {@code builder} prepares slice by
     * slice: at most {@link #MAX_BATCH} items per forward pass, and {@link #parallelism()} slices side by side
     * (building included) when each keeps at least {@link #MIN_SLICE} items. The outputs are joined along dimension
     * 0, so row {@code i} of each belongs to item {@code i}.
     *
     * @param count   the number of items, at least 1
     * @param builder prepares the input of one slice; called concurrently for different slices
     * @throws IllegalArgumentException if {@code count < 1}
     * @throws dev.faceid.api.error.InferenceException if the engine fails
     */
    default List<FloatTensor> runBatched(int count, BatchBuilder builder) {
        if (count < 1) {
            throw new IllegalArgumentException("A batched run needs at least one item, got " + count);
        }
        int side = Math.max(1, Math.min(parallelism(), count / MIN_SLICE));
        // A multiple of the slices run side by side, so no core idles through the last round.
        int slices = ceilDiv(ceilDiv(count, MAX_BATCH), side) * side;
        if (slices == 1) {
            return run(builder.build(0, count));
        }
        List<Supplier<FloatTensor>> inputs = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) count * s / slices);
            int to = (int) ((long) count * (s + 1) / slices);
            inputs.add(() -> builder.build(from, to));
        }
        return concat(runAll(inputs));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Joins, output by output, the results of consecutive slices of one job along dimension 0. */
    private static List<FloatTensor> concat(List<List<FloatTensor>> slices) {
        int outputs = slices.get(0).size();
        List<FloatTensor> joined = new ArrayList<>(outputs);
        for (int o = 0; o < outputs; o++) {
            int total = 0;
            long rows = 0;
            for (List<FloatTensor> slice : slices) {
                total += slice.get(o).data().length;
                rows += slice.get(o).dim(0);
            }
            float[] data = new float[total];
            int at = 0;
            for (List<FloatTensor> slice : slices) {
                float[] part = slice.get(o).data();
                System.arraycopy(part, 0, data, at, part.length);
                at += part.length;
            }
            long[] shape = slices.get(0).get(o).shape();
            shape[0] = rows;
            joined.add(FloatTensor.of(data, shape));
        }
        return joined;
    }

    @Override
    void close();
}
