package dev.faceid.embed.facenet;

import dev.faceid.api.embed.EmbeddingModel;

/**
 * Turns aligned face crops into an embedding network's input: planar channels in the model's order, normalised as
 * the model describes. Public so that benchmarks can time this step on its own. Stateless and thread-safe.
 */
public final class NetworkInput {
    private NetworkInput() {
    }

    /**
     * @param rgb {@code n} interleaved RGB crops of the model's input size, as {@code FaceAligner.align} returns them
     * @return the NCHW batch, {@code n x 3 x height x width}
     */
    public static float[] pack(byte[] rgb, int n, EmbeddingModel model) {
        int plane = model.inputWidth() * model.inputHeight();
        float[] batch = new float[n * 3 * plane];
        for (int k = 0; k < n; k++) {
            int src = k * plane * 3;
            int dst = k * 3 * plane;
            for (int c = 0; c < 3; c++) {
                int from = model.bgr() ? 2 - c : c;
                int base = dst + c * plane;
                for (int i = 0; i < plane; i++) {
                    batch[base + i] = rgb[src + i * 3 + from] & 0xFF;
                }
            }
            model.normalization().apply(batch, dst, 3 * plane);
        }
        return batch;
    }
}
