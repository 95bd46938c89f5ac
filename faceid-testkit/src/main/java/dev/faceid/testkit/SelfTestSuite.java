package dev.faceid.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.Registries;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BundledModel;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.error.ModelException;
import dev.faceid.api.error.SelfTestFailedException;
import dev.faceid.models.mobilefacenet.MobileFaceNetModels;
import dev.faceid.models.mtcnn.MtcnnModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every backend's load-time self-test must do: pass on the bundled networks, and refuse a network with a typed
 * error naming it when its known answer or its weights are not what they should be, unless the self-test is off.
 * Each test starts the backend over a folder of copied (and altered) bundled files. A backend module's test extends
 * this.
 */
public abstract class SelfTestSuite {
    private static final List<BundledModel> NETWORKS = List.of(MtcnnModels.PNET, MtcnnModels.RNET, MtcnnModels.ONET,
            MobileFaceNetModels.MOBILEFACENET);

    /** The provider name of the backend under test, e.g. {@code "onnx"}. */
    protected abstract String backendName();

    /** The extension of the backend's model files, e.g. {@code ".onnx"}. */
    protected abstract String modelExtension();


    private InferenceBackend start(Path folder, boolean selfTest) {
        return Registries.backends().forName(backendName()).create(BackendOptions.builder()
                .optModelFolder(folder).optSelfTest(selfTest).build());
    }

    /** Copies a network's file (its model in this backend's format, or {@code .kat}) out of its model artifact. */
    private Path copy(BundledModel model, String extension, Path folder) {
        try (InputStream in = model.open(extension).orElseThrow()) {
            Path target = folder.resolve(model.name() + extension);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code delta} to the last value of the last expected output (the file's last four bytes). */
    private static void perturbLastExpectedValue(Path kat, float delta) throws IOException {
        byte[] bytes = Files.readAllBytes(kat);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int last = bytes.length - 4;
        b.putFloat(last, b.getFloat(last) + delta);
        Files.write(kat, bytes);
    }

    @Test
    @DisplayName("Every bundled network reproduces its bundled known answer when it loads")
    void bundledNetworksPassTheirKnownAnswers(@TempDir Path folder) {
        for (BundledModel n : NETWORKS) {
            copy(n, modelExtension(), folder);
            copy(n, ".kat", folder);
        }
        try (InferenceBackend b = start(folder, true)) {
            for (BundledModel n : NETWORKS) {
                assertDoesNotThrow(() -> b.load(ModelSource.bundled(n)), n.name());
            }
        }
    }

    @Test
    @DisplayName("A known answer perturbed by 0.01 refuses the network with a SelfTestFailedException that names the "
            + "network, the error, the engine and the CPU")
    void perturbedKnownAnswerFires(@TempDir Path folder) throws IOException {
        copy(MtcnnModels.RNET, modelExtension(), folder);
        perturbLastExpectedValue(copy(MtcnnModels.RNET, ".kat", folder), 0.01f);
        try (InferenceBackend b = start(folder, true)) {
            SelfTestFailedException e = assertThrows(SelfTestFailedException.class,
                    () -> b.load(ModelSource.bundled(MtcnnModels.RNET)));
            assertEquals("rnet", e.network());
            assertEquals(0.01, e.maxError(), 1e-4);
            for (String part : List.of("rnet", "CPU", "DJL", "tolerance")) {
                assertTrue(e.getMessage().contains(part), part + " missing from: " + e.getMessage());
            }
            // The refused network is not kept: asking again runs the self-test again.
            assertThrows(SelfTestFailedException.class, () -> b.load(ModelSource.bundled(MtcnnModels.RNET)));
        }
    }

    @Test
    @DisplayName("A model whose weights were altered fails its self-test")
    void alteredWeightsFire(@TempDir Path folder) throws IOException {
        WeightEdits.alter(copy(MtcnnModels.RNET, modelExtension(), folder));
        copy(MtcnnModels.RNET, ".kat", folder);
        try (InferenceBackend b = start(folder, true)) {
            SelfTestFailedException e = assertThrows(SelfTestFailedException.class,
                    () -> b.load(ModelSource.bundled(MtcnnModels.RNET)));
            assertTrue(Double.isNaN(e.maxError()) || e.maxError() > e.tolerance(), e.getMessage());
        }
    }

    @Test
    @DisplayName("With the self-test off, a wrong known answer is not checked and the network loads")
    void selfTestCanBeTurnedOff(@TempDir Path folder) throws IOException {
        copy(MtcnnModels.RNET, modelExtension(), folder);
        perturbLastExpectedValue(copy(MtcnnModels.RNET, ".kat", folder), 0.01f);
        try (InferenceBackend b = start(folder, false)) {
            assertDoesNotThrow(() -> b.load(ModelSource.bundled(MtcnnModels.RNET)));
        }
    }

    @Test
    @DisplayName("A truncated known-answer file is a ModelException, not a pass")
    void damagedKnownAnswerIsTyped(@TempDir Path folder) throws IOException {
        copy(MtcnnModels.ONET, modelExtension(), folder);
        Path kat = copy(MtcnnModels.ONET, ".kat", folder);
        byte[] bytes = Files.readAllBytes(kat);
        Files.write(kat, Arrays.copyOf(bytes, bytes.length - 100));
        try (InferenceBackend b = start(folder, true)) {
            ModelException e = assertThrows(ModelException.class, () -> b.load(ModelSource.bundled(MtcnnModels.ONET)));
            assertTrue(e.getMessage().contains("onet.kat"), e.getMessage());
        }
    }
}
