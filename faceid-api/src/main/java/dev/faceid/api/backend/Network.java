package dev.faceid.api.backend;

import java.util.List;

/**
 * A loaded neural network with one float input and one or more float outputs.
 *
 * <p>Thread-safe: any number of threads may call {@link #run} at once; the implementation pools what the engine
 * cannot share. Closing releases native memory; running a closed network throws.
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

    @Override
    void close();
}
