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
 * Runs any FaceNet-style network described by an {@link EmbeddingModel}: align, normalise, infer in one batch,
 * L2-normalise. Thread-safe: calls share only the (thread-safe) network.
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
        FloatTensor out = infer(new float[3 * model.inputWidth() * model.inputHeight()], 1);
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
        byte[] aligned = aligner.align(image, faces);
        return embedAligned(aligned, faces.size());
    }

    /**
     * Embeds faces that are already aligned: {@code n} interleaved RGB crops of the model's input size.
     */
    List<Embedding> embedAligned(byte[] rgb, int n) {
        float[] batch = NetworkInput.pack(rgb, n, model);
        float[] out = infer(batch, n).data();
        int d = model.dimension();
        List<Embedding> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            result.add(Embedding.of(model.id(), Arrays.copyOfRange(out, k * d, (k + 1) * d)).normalized());
        }
        return result;
    }

    private FloatTensor infer(float[] batch, int n) {
        List<FloatTensor> out = network.run(FloatTensor.of(batch, n, 3, model.inputHeight(), model.inputWidth()));
        return out.get(0);
    }

    @Override
    public void close() {
        // The network belongs to the backend, which shares it; it closes it.
    }
}
