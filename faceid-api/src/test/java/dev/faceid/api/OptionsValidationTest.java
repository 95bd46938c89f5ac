package dev.faceid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.detect.DetectorOptions;
import dev.faceid.api.embed.EmbeddingModel;
import dev.faceid.api.error.ConfigurationException;
import dev.faceid.api.match.MatcherOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Option builders reject contradictory or impossible settings with a {@link ConfigurationException}. */
class OptionsValidationTest {

    private static void rejects(String mustMention, Executable build) {
        ConfigurationException e = assertThrows(ConfigurationException.class, build);
        assertTrue(e.getMessage().contains(mustMention), "expected '" + mustMention + "' in: " + e.getMessage());
    }

    @Test
    @DisplayName("DetectorOptions: minFaceSize below 12 and confidence outside [0, 1] are rejected; edges accepted")
    void detectorOptions() {
        rejects("minFaceSize", () -> DetectorOptions.builder().optMinFaceSize(11).build());
        assertEquals(12, DetectorOptions.builder().optMinFaceSize(12).build().minFaceSize());
        rejects("minConfidence", () -> DetectorOptions.builder().optMinConfidence(-0.01).build());
        rejects("minConfidence", () -> DetectorOptions.builder().optMinConfidence(1.01).build());
        rejects("minConfidence", () -> DetectorOptions.builder().optMinConfidence(Double.NaN).build());
        assertEquals(1.0, DetectorOptions.builder().optMinConfidence(1).build().minConfidence());
        DetectorOptions video = DetectorOptions.video();
        assertEquals(50, video.minFaceSize());
        assertEquals(0.95, video.minConfidence());
    }

    @Test
    @DisplayName("MatcherOptions: a margin at or above the threshold, topK 0 and thresholds outside (0, 2) are rejected")
    void matcherOptions() {
        rejects("margin", () -> MatcherOptions.builder().optThreshold(0.3).optMargin(0.3).build());
        rejects("margin", () -> MatcherOptions.builder().optThreshold(0.3).optMargin(0.5).build());
        assertEquals(0.29, MatcherOptions.builder().optThreshold(0.3).optMargin(0.29).build().margin());
        rejects("topK", () -> MatcherOptions.builder().optTopK(0).build());
        rejects("threshold", () -> MatcherOptions.builder().optThreshold(0).build());
        rejects("threshold", () -> MatcherOptions.builder().optThreshold(2).build());
        rejects("margin", () -> MatcherOptions.builder().optMargin(-0.1).build());
        MatcherOptions d = MatcherOptions.defaults();
        assertTrue(d.threshold().isEmpty());
        assertEquals(3, d.topK());
    }

    @Test
    @DisplayName("BackendOptions: poolSize 0 and negative thread counts are rejected")
    void backendOptions() {
        rejects("poolSize", () -> BackendOptions.builder().optPoolSize(0).build());
        rejects("intraOpThreads", () -> BackendOptions.builder().optIntraOpThreads(-1).build());
        BackendOptions ok = BackendOptions.builder().optPoolSize(1).optIntraOpThreads(0).optDevice("cpu").build();
        assertEquals(1, ok.poolSize());
        assertEquals("cpu", ok.device().orElseThrow());
        assertTrue(BackendOptions.defaults().poolSize() >= 1);
    }

    private static EmbeddingModel.Builder complete() {
        return EmbeddingModel.builder().setId("facenet").setSource(ModelSource.file(Path.of("x.onnx"))).setDimension(512)
                .setInputSize(160, 160).setThreshold(0.4);
    }

    @Test
    @DisplayName("EmbeddingModel.builder: each missing required field is a ConfigurationException")
    void embeddingModelRequiredFields() {
        EmbeddingModel m = complete().build();
        assertEquals(512, m.dimension());
        assertEquals(EmbeddingModel.scaledTemplate(160, 160), m.alignmentTemplate());
        List<Consumer<EmbeddingModel.Builder>> unset = List.of(
                b -> b.setId(null), b -> b.setSource(null), b -> b.setDimension(0), b -> b.setInputSize(0, 0),
                b -> b.setThreshold(Double.NaN));
        for (Consumer<EmbeddingModel.Builder> u : unset) {
            EmbeddingModel.Builder b = complete();
            u.accept(b);
            rejects("setId", b::build);
        }
    }

    @Test
    @DisplayName("EmbeddingModel: implausible values (blank id, tiny input, threshold out of range, bad template)")
    void embeddingModelImplausibleValues() {
        rejects("non-blank id", () -> complete().setId(" ").build());
        rejects("not plausible", () -> complete().setInputSize(8, 8).build());
        rejects("not plausible", () -> complete().setDimension(-1).build());
        rejects("threshold", () -> complete().setThreshold(2.5).build());
        rejects("threshold", () -> complete().setThreshold(0).build());
        rejects("5 points", () -> complete().optAlignmentTemplate(EmbeddingModel.TEMPLATE_112.subList(0, 4))
                .build());
        assertEquals(0.6, complete().build().withThreshold(0.6).threshold());
    }
}
