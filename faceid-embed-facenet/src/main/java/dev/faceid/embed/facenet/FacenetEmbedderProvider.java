package dev.faceid.embed.facenet;

import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.embed.Embedder;
import dev.faceid.api.embed.EmbedderOptions;
import dev.faceid.api.embed.EmbedderProvider;
import dev.faceid.api.embed.EmbeddingModel;
import dev.faceid.api.spi.Availability;
import java.nio.file.Path;

/**
 * Provides {@code "facenet"}: FaceNet-style embedders for the bundled MobileFaceNet or any model described by
 * {@link EmbeddingModel} (in code, or in a properties file named by {@code -Dfaceid.embedder.model=...}).
 * Immutable and thread-safe.
 */
public final class FacenetEmbedderProvider implements EmbedderProvider {

    @Override
    public String name() {
        return "facenet";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability availability() {
        try {
            // Only checks that the OpenCV classes are there; their natives load when an embedder is created.
            Class.forName("org.bytedeco.opencv.global.opencv_imgproc", false, getClass().getClassLoader());
            return Availability.ok();
        } catch (ClassNotFoundException e) {
            return Availability.unavailable("OpenCV (org.bytedeco:opencv) is not on the class path", e);
        }
    }

    @Override
    public String artifact() {
        return "dev.faceid:faceid-embed-facenet";
    }

    @Override
    public EmbeddingModel defaultModel() {
        String described = System.getProperty(EmbeddingModels.MODEL_PROPERTY);
        if (described != null && !described.isBlank()) {
            return EmbeddingModels.fromProperties(Path.of(described.trim()));
        }
        return EmbeddingModels.MOBILEFACENET;
    }

    @Override
    public Embedder create(EmbedderOptions options, InferenceBackend backend) {
        return new FacenetEmbedder(options.model().orElseGet(this::defaultModel), options.alignment(), backend);
    }
}
