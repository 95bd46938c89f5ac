package dev.faceid.api.backend;

/**
 * An inference engine, ready to load networks: the native side of faceid. Detectors and embedders ask it for the
 * networks they need; pre- and post-processing stay in plain Java so that every backend gives the same answers.
 *
 * <p>Thread-safe. Closing it closes every network it loaded.
 */
public interface InferenceBackend extends AutoCloseable {

    /** The provider name, e.g. {@code "onnx"}. */
    String name();

    /** The device networks run on, e.g. {@code "cpu"} or {@code "gpu:0"}. */
    String device();

    /**
     * Loads a network. Bundled networks are loaded once per backend and shared: asking twice returns the same
     * instance.
     *
     * @throws dev.faceid.api.error.ModelException if the model is missing or unreadable
     */
    Network load(ModelSource source);

    @Override
    void close();
}
