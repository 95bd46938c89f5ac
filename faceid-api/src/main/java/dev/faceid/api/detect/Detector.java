package dev.faceid.api.detect;

import dev.faceid.api.image.FaceImage;
import java.util.List;

/**
 * Finds faces in an image.
 *
 * <p>Implementations are thread-safe: one instance serves any number of threads. Closing releases the networks
 * it holds.
 */
public interface Detector extends AutoCloseable {

    /** The options this detector was created with. */
    DetectorOptions options();

    /**
     * All faces in {@code image}, best score first; empty if there is none.
     *
     * @throws dev.faceid.api.error.InferenceException if the engine fails
     */
    List<DetectedFace> detect(FaceImage image);

    @Override
    void close();
}
