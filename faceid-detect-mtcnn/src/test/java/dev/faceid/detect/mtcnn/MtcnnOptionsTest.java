package dev.faceid.detect.mtcnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.faceid.api.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cascade's own options: the paper's defaults, and typed errors for values the cascade cannot use. */
class MtcnnOptionsTest {

    @Test
    @DisplayName("Defaults are the paper's (0.709; 0.6, 0.7, 0.7); a factor outside (0.1, 1), a threshold outside "
            + "[0, 1] or a wrong count of thresholds is a ConfigurationException")
    void defaultsAndValidation() {
        assertEquals(0.709, MtcnnOptions.defaults().scaleFactor());
        assertEquals(List.of(0.6, 0.7, 0.7), MtcnnOptions.defaults().stageThresholds());
        assertThrows(ConfigurationException.class, () -> MtcnnOptions.builder().optScaleFactor(1.0).build());
        assertThrows(ConfigurationException.class, () -> MtcnnOptions.builder().optScaleFactor(0.1).build());
        assertThrows(ConfigurationException.class,
                () -> MtcnnOptions.builder().optStageThresholds(0.6, 1.2, 0.7).build());
        assertThrows(ConfigurationException.class, () -> new MtcnnOptions(0.7, List.of(0.6, 0.7)));
        assertEquals(List.of(0.5, 0.6, 0.9),
                MtcnnOptions.builder().optStageThresholds(0.5, 0.6, 0.9).build().stageThresholds());
    }
}
