package dev.faceid.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.Registries;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BundledModel;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.backend.Network;
import dev.faceid.api.error.ModelException;
import dev.faceid.models.mobilefacenet.MobileFaceNetModels;
import dev.faceid.models.mtcnn.MtcnnModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every inference backend must do with the bundled networks: reproduce the independent reference outputs, give
 * the same answer for a face whatever batch it is in, run from many threads at once, and fail clearly on a bad model.
 * A backend module's test extends this and names the backend.
 */
public abstract class NetworkConformanceSuite extends BackendSuite {
    /** The tolerances the converted models are held to. */
    public static final double MTCNN_TOLERANCE = 1e-5;
    public static final double EMBEDDING_TOLERANCE = 5e-5;

    private double check(BundledModel net, String input, long[] inShape, String[] outputs, long[][] outShapes,
                         double tolerance) {
        Network n = backend.load(ModelSource.bundled(net));
        List<FloatTensor> out = n.run(Golden.read(input, inShape));
        assertEquals(outputs.length, out.size(), net.name() + " output count");
        double worst = 0;
        for (int i = 0; i < outputs.length; i++) {
            double d = Golden.maxAbsDiff(Golden.read(outputs[i], outShapes[i]), out.get(i));
            System.out.printf("[%s] %s %s max |diff| vs reference = %.3g%n", backendName(), net.name(),
                    outputs[i].substring(outputs[i].lastIndexOf('_') + 1), d);
            worst = Math.max(worst, d);
        }
        assertTrue(worst <= tolerance, net.name() + " differs from the reference by " + worst + " > " + tolerance);
        return worst;
    }

    @Test
    @DisplayName("P-Net reproduces the reference probabilities and regressions on a 97x131 batch of 2")
    void pnetMatchesReference() {
        check(MtcnnModels.PNET, "pnet_2x3x97x131_in", new long[] {2, 3, 97, 131},
                new String[] {"pnet_2x3x97x131_prob", "pnet_2x3x97x131_reg"},
                new long[][] {{2, 2, 44, 61}, {2, 4, 44, 61}}, MTCNN_TOLERANCE);
    }

    @Test
    @DisplayName("R-Net reproduces the reference on a batch of 33 crops")
    void rnetMatchesReference() {
        check(MtcnnModels.RNET, "rnet_33x3x24x24_in", new long[] {33, 3, 24, 24},
                new String[] {"rnet_33x3x24x24_prob", "rnet_33x3x24x24_reg"},
                new long[][] {{33, 2}, {33, 4}}, MTCNN_TOLERANCE);
    }

    @Test
    @DisplayName("O-Net reproduces the reference probabilities, regressions and landmarks on 17 crops")
    void onetMatchesReference() {
        check(MtcnnModels.ONET, "onet_17x3x48x48_in", new long[] {17, 3, 48, 48},
                new String[] {"onet_17x3x48x48_prob", "onet_17x3x48x48_reg", "onet_17x3x48x48_landmarks"},
                new long[][] {{17, 2}, {17, 4}, {17, 10}}, MTCNN_TOLERANCE);
    }

    @Test
    @DisplayName("MobileFaceNet reproduces the reference raw embeddings")
    void mobileFaceNetMatchesReference() {
        check(MobileFaceNetModels.MOBILEFACENET, "mobilefacenet_4x3x112x112_in", new long[] {4, 3, 112, 112},
                new String[] {"mobilefacenet_4x3x112x112_embedding"}, new long[][] {{4, 192}},
                EMBEDDING_TOLERANCE);
    }

    @Test
    @DisplayName("A face's embedding does not depend on the batch it is in (the TFLite graph fixed batch 2)")
    void embeddingIndependentOfBatch() {
        Network n = backend.load(ModelSource.bundled(MobileFaceNetModels.MOBILEFACENET));
        FloatTensor batch = Golden.read("mobilefacenet_4x3x112x112_in", 4, 3, 112, 112);
        float[] all = n.run(batch).get(0).data();
        int face = 3 * 112 * 112;
        for (int k = 0; k < 4; k++) {
            float[] one = java.util.Arrays.copyOfRange(batch.data(), k * face, (k + 1) * face);
            float[] single = n.run(FloatTensor.of(one, 1, 3, 112, 112)).get(0).data();
            for (int j = 0; j < 192; j++) {
                assertEquals(all[k * 192 + j], single[j], 1e-4, "face " + k + " dim " + j);
            }
        }
    }

    /** Every output of {@code network} on {@code input}, concatenated. */
    private static float[] outputs(Network network, FloatTensor input) {
        return concat(network.run(input));
    }

    private static float[] concat(List<FloatTensor> tensors) {
        int size = tensors.stream().mapToInt(t -> t.data().length).sum();
        float[] all = new float[size];
        int at = 0;
        for (FloatTensor t : tensors) {
            System.arraycopy(t.data(), 0, all, at, t.data().length);
            at += t.data().length;
        }
        return all;
    }

    /** The outputs of each crop run alone, concatenated output by output as a batch run gives them. */
    private static float[] cropByCrop(Network network, FloatTensor batch) {
        int n = (int) batch.shape()[0];
        int per = batch.data().length / n;
        long[] one = batch.shape().clone();
        one[0] = 1;
        List<Supplier<FloatTensor>> crops = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            float[] crop = Arrays.copyOfRange(batch.data(), k * per, (k + 1) * per);
            crops.add(() -> FloatTensor.of(crop, one));
        }
        List<List<FloatTensor>> each = network.runAll(crops);
        List<FloatTensor> byOutput = new ArrayList<>();
        for (int o = 0; o < each.get(0).size(); o++) {
            for (List<FloatTensor> e : each) {
                byOutput.add(e.get(o));
            }
        }
        return concat(byOutput);
    }

    @Test
    @DisplayName("Deterministic: R-Net, O-Net and MobileFaceNet give the same bits run after run and with a pool of 1 or "
            + "of the default size; the MTCNN crops also whether they run alone or in a batch")
    void outputsAreBitExactAcrossBatchesRunsAndPools() {
        Map<BundledModel, FloatTensor> inputs = Map.of(
                MtcnnModels.RNET, Golden.read("rnet_33x3x24x24_in", 33, 3, 24, 24),
                MtcnnModels.ONET, Golden.read("onet_17x3x48x48_in", 17, 3, 48, 48),
                MobileFaceNetModels.MOBILEFACENET, Golden.read("mobilefacenet_4x3x112x112_in", 4, 3, 112, 112));
        try (InferenceBackend single = Registries.backends().forName(backendName())
                .create(BackendOptions.builder().optPoolSize(1).build())) {
            for (Map.Entry<BundledModel, FloatTensor> e : inputs.entrySet()) {
                Network n = backend.load(ModelSource.bundled(e.getKey()));
                float[] batch = outputs(n, e.getValue());
                assertArrayEquals(batch, outputs(n, e.getValue()), e.getKey() + ": a second run");
                if (e.getKey().equals(MobileFaceNetModels.MOBILEFACENET)) {
                    // PyTorch runs MobileFaceNet's depthwise layers on oneDNN, whose kernels may block a batch
                    // differently per CPU kind: alone vs batched it is held to the embedding tolerance.
                    assertArrayEquals(batch, cropByCrop(n, e.getValue()), (float) EMBEDDING_TOLERANCE,
                            e.getKey() + ": face by face");
                } else {
                    assertArrayEquals(batch, cropByCrop(n, e.getValue()), e.getKey() + ": crop by crop");
                }
                assertArrayEquals(batch, outputs(single.load(ModelSource.bundled(e.getKey())), e.getValue()),
                        e.getKey() + ": pool of 1");
            }
        }
    }

    @Test
    @DisplayName("Starting the backend and running its networks sets no JVM system property (library code changes no "
            + "global JVM state)")
    void setsNoSystemProperty() {
        for (BundledModel net : List.of(MtcnnModels.PNET, MtcnnModels.RNET, MtcnnModels.ONET,
                MobileFaceNetModels.MOBILEFACENET)) {
            backend.load(ModelSource.bundled(net));
        }
        backend.load(ModelSource.bundled(MtcnnModels.RNET)).run(Golden.read("rnet_33x3x24x24_in", 33, 3, 24, 24));
        Map<Object, Object> changed = new HashMap<>(System.getProperties());
        changed.entrySet().removeAll(propertiesBeforeStart.entrySet());
        // JNA records where it unpacked itself (jna.loaded, jnidispatch.path, ...) when DJL's CUDA probe first loads
        // it: JNA's own bookkeeping, read by nothing else.
        changed.keySet().removeIf(k -> k.toString().startsWith("jna") || k.toString().startsWith("jnidispatch"));
        assertEquals(Map.of(), changed, "system properties set or changed");
        assertTrue(System.getProperties().keySet().containsAll(propertiesBeforeStart.keySet()),
                "system properties removed");
    }

    @Test
    @DisplayName("P-Net accepts any image size down to its 12x12 window")
    void pnetAcceptsAnySize() {
        Network n = backend.load(ModelSource.bundled(MtcnnModels.PNET));
        FloatTensor out = n.run(FloatTensor.of(new float[3 * 12 * 17], 1, 3, 12, 17)).get(0);
        assertArrayEquals(new long[] {1, 2, 1, 4}, out.shape());
    }

    @Test
    @DisplayName("Loading a bundled network twice returns the shared instance")
    void bundledNetworksAreShared() {
        assertTrue(backend.load(ModelSource.bundled(MtcnnModels.RNET)) == backend.load(ModelSource.bundled(MtcnnModels.RNET)));
    }

    @Test
    @DisplayName("8 threads running one network at once get exactly the single-threaded outputs")
    void concurrentInferenceIsExact() throws Exception {
        Network n = backend.load(ModelSource.bundled(MtcnnModels.ONET));
        FloatTensor in = Golden.read("onet_17x3x48x48_in", 17, 3, 48, 48);
        float[] expected = n.run(in).get(2).data();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> n.run(in).get(2).data()));
            }
            for (Future<float[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("runAll prepares each input within the pool (never more at once than its parallelism) and keeps "
            + "the outputs in input order")
    void runAllPreparesWithinThePool() {
        Network n = backend.load(ModelSource.bundled(MtcnnModels.RNET));
        FloatTensor golden = Golden.read("rnet_33x3x24x24_in", 33, 3, 24, 24);
        int per = 3 * 24 * 24;
        AtomicInteger preparing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Supplier<FloatTensor>> inputs = new ArrayList<>();
        for (int k = 0; k < 33; k++) {
            int crop = k;
            inputs.add(() -> {
                mostAtOnce.accumulateAndGet(preparing.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5); // long enough for other preparations to overlap if the pool allowed it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                preparing.decrementAndGet();
                return FloatTensor.of(Arrays.copyOfRange(golden.data(), crop * per, (crop + 1) * per), 1, 3, 24, 24);
            });
        }
        List<List<FloatTensor>> out = n.runAll(inputs);
        float[] expected = n.run(golden).get(0).data();
        for (int k = 0; k < 33; k++) {
            assertArrayEquals(Arrays.copyOfRange(expected, k * 2, k * 2 + 2), out.get(k).get(0).data(), 1e-5f,
                    "crop " + k);
        }
        assertTrue(mostAtOnce.get() <= n.parallelism(),
                mostAtOnce.get() + " inputs prepared at once, parallelism " + n.parallelism());
    }

    @Test
    @DisplayName("A missing model file is a ModelException naming the file")
    void missingModelFileIsTyped(@TempDir Path dir) {
        Path missing = dir.resolve("nope.model");
        ModelException e = assertThrows(ModelException.class, () -> backend.load(ModelSource.file(missing)));
        assertTrue(e.getMessage().contains("nope.model"), e.getMessage());
    }

    @Test
    @DisplayName("A corrupt model file is a ModelException, and the backend keeps working")
    void corruptModelFileIsTyped(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.model");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThrows(ModelException.class, () -> backend.load(ModelSource.file(bad)));
        assertEquals(2, backend.load(ModelSource.bundled(MtcnnModels.RNET))
                .run(Golden.read("rnet_33x3x24x24_in", 33, 3, 24, 24)).size());
    }
}
