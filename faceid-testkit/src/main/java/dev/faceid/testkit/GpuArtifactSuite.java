package dev.faceid.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.core.FaceId;
import dev.faceid.core.Identification;
import dev.faceid.api.detect.DetectedFace;
import dev.faceid.api.embed.Embedding;
import dev.faceid.api.image.FaceImage;
import dev.faceid.api.Registries;
import dev.faceid.samples.SamplePhotos;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a GPU artifact must do on any machine: be the default over the CPU provider it ships with, say which device
 * it chose (the GPU when one is visible, otherwise the CPU) and identify faces there with the CPU backend's answers.
 * Each GPU backend module extends this.
 */
public abstract class GpuArtifactSuite {

    /** The GPU provider's name, e.g. {@code "onnx-gpu"}. */
    protected abstract String gpuBackend();

    /** The CPU provider shipped with it, e.g. {@code "onnx"}. */
    protected abstract String cpuBackend();

    /** How many GPUs the engine sees here. */
    protected abstract int visibleGpus();

    @Test
    @DisplayName("Without a choice, the GPU provider wins over the CPU provider it ships with")
    void gpuProviderIsTheDefault() {
        assertEquals(gpuBackend(), Registries.backends().best().name());
    }

    @Test
    @DisplayName("It reports the device it chose and identifies faces with the CPU backend's answers")
    void identifiesOnTheChosenDevice() {
        String expected = visibleGpus() > 0 ? "gpu:0" : "cpu";
        try (FaceId gpu = FaceId.builder().build();
             FaceId cpu = FaceId.builder().optBackend(cpuBackend()).build()) {
            assertEquals(gpuBackend() + " on " + expected, gpu.backendDescription());
            FaceImage image = gpu.read(SamplePhotos.get("sample1.jpg"));
            List<DetectedFace> faces = gpu.detect(image);
            assertEquals(3, faces.size(), faces.toString());
            List<Embedding> a = gpu.embedder().embedAll(image, faces);
            List<Embedding> b = cpu.embedder().embedAll(image, faces);
            for (int i = 0; i < faces.size(); i++) {
                gpu.gallery().enroll("person" + i, a.get(i));
                assertTrue(a.get(i).cosine(b.get(i)) > 0.9999, "face " + i + ": " + a.get(i).cosine(b.get(i)));
            }
            List<Identification> ids = gpu.identify(image);
            for (int i = 0; i < ids.size(); i++) {
                assertEquals("person" + i, ids.get(i).match().person().orElse("unknown"));
            }
        }
    }
}
