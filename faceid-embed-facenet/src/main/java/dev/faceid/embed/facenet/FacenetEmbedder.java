package dev.faceid.embed.facenet;

import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.Network;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.embed.Alignment;
import dev.faceid.api.embed.Embedder;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.embed.EmbeddingModel;
import dev.faceid.api.error.ModelException;
import dev.faceid.api.image.FaceImage;
import dev.faceid.embed.facenet.align.FaceAligner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs any FaceNet-style network described by an {@link EmbeddingModel}: align, normalise, infer, L2-normalise.
 * A batch of faces is aligned and run in slices side by side on the backend's predictors. Thread-safe: calls share only the (thread-safe) network.
 */
final class FacenetEmbedder implements Embedder {
    private final EmbeddingModel model;
    private final FaceAligner aligner;
    private final Network network;

    FacenetEmbedder(EmbeddingModel model, Alignment alignment, InferenceBackend backend) {
        FaceAligner.requireNatives();
        this.model = model;
        this.aligner = new FaceAligner(model.inputWidth(), model.inputHeight(), model.alignmentTemplate(),
                alignment);
        this.network = backend.load(model.source());
        checkOutputShape();
    }

    /** One blank face through the network, so a model that does not match its description fails now, clearly. */
    private void checkOutputShape() {
        FloatTensor out = network.run(FloatTensor.of(new float[3 * model.inputWidth() * model.inputHeight()], 1, 3,
                model.inputHeight(), model.inputWidth())).get(0);
        long[] shape = out.shape();
        if (shape.length != 2 || shape[0] != 1 || shape[1] != model.dimension()) {
            throw new ModelException("Model '" + model.id() + "' (" + model.source() + ") returns shape "
                    + Arrays.toString(shape) + " for one " + model.inputWidth() + "x" + model.inputHeight()
                    + " face, but its description promises [1, " + model.dimension() + "]. Fix the dimension or "
                    + "the input size in the model description.");
        }
    }

    @Override
    public EmbeddingModel model() {
        return model;
    }

    @Override
    public List<Embedding> embedAll(FaceImage image, List<DetectedFace> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        int n = faces.size();
        float[] out = network.runBatched(n, (from, to) -> input(image, faces.subList(from, to))).get(0).data();
        int d = model.dimension();
        List<Embedding> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            result.add(Embedding.of(model.id(), Arrays.copyOfRange(out, k * d, (k + 1) * d)).normalized());
        }
        return result;
    }

    /** The network input for some faces of one image: aligned, then laid out and normalised as the model says. */
    private FloatTensor input(FaceImage image, List<DetectedFace> faces) {
        float[] batch = NetworkInput.pack(aligner.align(image, faces), faces.size(), model);
        return FloatTensor.of(batch, faces.size(), 3, model.inputHeight(), model.inputWidth());
    }

    @Override
    public void close() {
        // The network belongs to the backend, which shares it; it closes it.
    }
}
