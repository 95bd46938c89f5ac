package dev.faceid.examples;

import dev.faceid.api.embed.EmbedderOptions;
import dev.faceid.api.match.Verification;
import dev.faceid.core.FaceId;
import dev.faceid.embed.facenet.EmbeddingModels;
import java.nio.file.Path;

/**
 * Runs your own FaceNet-style export instead of the bundled MobileFaceNet, described by a properties file (file, id,
 * dimension, input size, threshold, normalisation), and asks whether two photos show the same person.
 *
 * <pre>java dev.faceid.examples.CustomEmbeddingModel my-model.properties a.jpg b.jpg</pre>
 */
public final class CustomEmbeddingModel {
    private CustomEmbeddingModel() {
    }

    public static void main(String[] args) {
        EmbedderOptions embedder = EmbedderOptions.builder()
                .optModel(EmbeddingModels.fromProperties(Path.of(args[0])))
                .build();
        try (FaceId faceId = FaceId.builder().optEmbedderOptions(embedder).build()) {
            Verification v = faceId.verify(faceId.read(Path.of(args[1])), faceId.read(Path.of(args[2])));
            System.out.printf("model %s: %s (distance %.3f, threshold %.2f)%n", faceId.embedder().model().id(),
                    v.samePerson() ? "same person" : "different people", v.distance(), v.threshold());
        }
    }
}
