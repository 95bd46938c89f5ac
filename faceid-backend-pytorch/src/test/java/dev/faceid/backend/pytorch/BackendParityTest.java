package dev.faceid.backend.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.Registries;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BundledModel;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.image.FaceImage;
import dev.faceid.core.FaceId;
import dev.faceid.core.image.ImageLoader;
import dev.faceid.models.mobilefacenet.MobileFaceNetModels;
import dev.faceid.models.mtcnn.MtcnnModels;
import dev.faceid.samples.SamplePhotos;
import dev.faceid.testkit.FaceDifferences;
import dev.faceid.testkit.Golden;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ONNX Runtime and PyTorch give the same answers: the library's promise when a user swaps the backend jar. */
class BackendParityTest {

    @Test
    @DisplayName("ONNX and TorchScript networks agree within 1e-5 on the golden inputs (embeddings L2-normalised)")
    void networksAgree() {
        try (InferenceBackend onnx = Registries.backends().forName("onnx").create(BackendOptions.defaults());
             InferenceBackend torch = Registries.backends().forName("pytorch").create(BackendOptions.defaults())) {
            record Case(BundledModel net, String input, long[] shape) {
            }
            for (Case c : List.of(new Case(MtcnnModels.PNET, "pnet_2x3x97x131_in", new long[] {2, 3, 97, 131}),
                    new Case(MtcnnModels.RNET, "rnet_33x3x24x24_in", new long[] {33, 3, 24, 24}),
                    new Case(MtcnnModels.ONET, "onet_17x3x48x48_in", new long[] {17, 3, 48, 48}),
                    new Case(MobileFaceNetModels.MOBILEFACENET, "mobilefacenet_4x3x112x112_in", new long[] {4, 3, 112, 112}))) {
                FloatTensor in = Golden.read(c.input(), c.shape());
                List<FloatTensor> a = comparable(c.net(), onnx.load(ModelSource.bundled(c.net())).run(in));
                List<FloatTensor> b = comparable(c.net(), torch.load(ModelSource.bundled(c.net())).run(in));
                assertEquals(a.size(), b.size());
                for (int i = 0; i < a.size(); i++) {
                    double d = Golden.maxAbsDiff(a.get(i), b.get(i));
                    System.out.printf("[parity] %s output %d: max |onnx - pytorch| = %.3g%n", c.net().name(), i, d);
                    assertTrue(d <= 1e-5, c.net().name() + " output " + i + " differs by " + d);
                }
            }
        }
    }

    /**
     * Raw MobileFaceNet embeddings have a norm near 27, where 1e-5 is below float32 rounding of the sums; the library
     * only ever uses them L2-normalised, so that is the form compared.
     */
    private static List<FloatTensor> comparable(BundledModel net, List<FloatTensor> out) {
        if (!net.equals(MobileFaceNetModels.MOBILEFACENET)) {
            return out;
        }
        FloatTensor raw = out.get(0);
        int n = raw.dim(0);
        int d = raw.dim(1);
        float[] unit = new float[n * d];
        for (int k = 0; k < n; k++) {
            float[] row = java.util.Arrays.copyOfRange(raw.data(), k * d, (k + 1) * d);
            Embedding.of("raw", row).normalized().copyTo(unit, k * d);
        }
        return List.of(FloatTensor.of(unit, n, d));
    }

    @Test
    @DisplayName("On the sample photos both backends find the same faces (0.5 px) and embeddings (cosine >= 0.9999)")
    void pipelinesAgree() {
        try (FaceId onnx = FaceId.builder().optBackend("onnx").build();
             FaceId torch = FaceId.builder().optBackend("pytorch").build()) {
            double box = 0;
            double mark = 0;
            double minCos = 1;
            int faces = 0;
            for (String s : SamplePhotos.SAMPLES) {
                FaceImage image = ImageLoader.defaults().read(SamplePhotos.get(s));
                List<DetectedFace> a = onnx.detect(image);
                List<DetectedFace> b = torch.detect(image);
                assertEquals(a.size(), b.size(), s + ": " + a + " vs " + b);
                for (int i = 0; i < a.size(); i++) {
                    DetectedFace fa = a.get(i);
                    DetectedFace fb = b.get(i);
                    box = Math.max(box, FaceDifferences.maxCornerError(fa, fb));
                    mark = Math.max(mark, FaceDifferences.maxLandmarkError(fa, fb));
                }
                // Same crops into both embedders, so the comparison isolates the embedding network.
                List<Embedding> ea = onnx.embedder().embedAll(image, a);
                List<Embedding> eb = torch.embedder().embedAll(image, a);
                for (int i = 0; i < ea.size(); i++) {
                    minCos = Math.min(minCos, ea.get(i).cosine(eb.get(i)));
                    faces++;
                }
            }
            System.out.printf("[parity] %d faces: max box corner diff %.4f px, max landmark diff %.4f px, "
                    + "min embedding cosine %.7f%n", faces, box, mark, minCos);
            assertTrue(box <= 0.5, "box difference " + box);
            assertTrue(mark <= 0.5, "landmark difference " + mark);
            assertTrue(minCos >= 0.9999, "embedding cosine " + minCos);
        }
    }

    @Test
    @DisplayName("With both backends on the class path and no choice made, the higher-priority ONNX backend wins")
    void priorityDecidesWhenBothPresent() {
        assertEquals("onnx", Registries.backends().best().name());
        try (FaceId chosen = FaceId.builder().optBackend("pytorch").build()) {
            assertTrue(chosen.backendDescription().startsWith("pytorch"), chosen.backendDescription());
        }
    }
}
