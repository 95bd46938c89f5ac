package dev.faceid.api.embed;

import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.image.FaceImage;
import java.util.List;

/**
 * Turns detected faces into L2-normalised embeddings.
 *
 * <p>Thread-safe: one instance serves any number of threads. Closing releases the network it holds.
 */
public interface Embedder extends AutoCloseable {

    /** The model this embedder runs; every embedding it returns carries {@link EmbeddingModel#id()}. */
    EmbeddingModel model();

    /** Embeds one face of {@code image}. */
    default Embedding embed(FaceImage image, DetectedFace face) {
        return embedAll(image, List.of(face)).get(0);
    }

    /**
     * Embeds several faces of one image in a single batched inference; results are in the order of {@code faces}.
     *
     * @throws dev.faceid.api.error.InferenceException if the engine fails
     */
    List<Embedding> embedAll(FaceImage image, List<DetectedFace> faces);

    @Override
    void close();
}
