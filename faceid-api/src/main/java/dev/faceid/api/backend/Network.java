package dev.faceid.api.backend;

import java.util.List;

/**
 * A loaded neural network with one float input and one or more float outputs.
 *
 * <p>Thread-safe: any number of threads may call {@link #run} at once; the implementation pools what the engine
 * cannot share, and may split a large batch over its pool. Closing releases native memory; running a closed network throws.
 */
public interface Network extends AutoCloseable {

    /** The name this network was loaded under, for messages. */
    String name();

    /**
     * Runs one forward pass.
     *
     * @param input NCHW float32 batch
     * @return the outputs, in the order the model declares them
     * @throws dev.faceid.api.error.InferenceException if the engine fails
     */
    List<FloatTensor> run(FloatTensor input);

    /**
     * Runs one forward pass per input, e.g. the levels of an image pyramid. Implementations may run them
     * concurrently; the results are in the order of {@code inputs} either way.
     *
     * @throws dev.faceid.api.error.InferenceException if the engine fails on any of them
     */
    default List<List<FloatTensor>> runAll(List<FloatTensor> inputs) {
        return inputs.stream().map(this::run).toList();
    }

    @Override
    void close();
}
