package dev.faceid.cli.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static final double[] GENUINE = {0.1, 0.2, 0.3, 0.5};
    private static final double[] IMPOSTOR = {0.4, 0.6, 0.7, 0.8, 0.9};

    @Test
    @DisplayName("a pair matches strictly below the threshold: FMR counts impostors below, FNMR genuines at or above")
    void ratesAtAThreshold() {
        Calibration c = new Calibration(GENUINE, IMPOSTOR);
        assertEquals(1 / 5.0, c.falseMatchRate(0.5));
        assertEquals(1 / 4.0, c.falseNonMatchRate(0.5));
        assertEquals(0, c.falseMatchRate(0.4));
        assertEquals(2 / 4.0, c.falseNonMatchRate(0.3));
    }

    @Test
    @DisplayName("the EER is the ROC point where both rates meet; on a separable set it is 0 midway in the gap")
    void equalErrorRate() {
        Calibration overlapping = new Calibration(GENUINE, IMPOSTOR);
        Calibration.Point eer = overlapping.equalErrorRate();
        assertEquals(0.45, eer.threshold(), 1e-12);
        assertEquals((1 / 5.0 + 1 / 4.0) / 2, eer.falseMatchRate(), 1e-12);
        Calibration separable = new Calibration(new double[]{0.1, 0.2}, new double[]{0.6, 0.7});
        assertEquals(0, separable.equalErrorRate().falseMatchRate());
        assertEquals(0.4, separable.equalErrorRate().threshold(), 1e-12);
    }

    @Test
    @DisplayName("the suggested threshold names at most the target share of impostors, halfway into the gap below")
    void thresholdForTargetFmr() {
        Calibration c = new Calibration(GENUINE, IMPOSTOR);
        Calibration.Point none = c.thresholdForFalseMatchRate(0);
        assertEquals(0.35, none.threshold(), 1e-12);
        assertEquals(0, none.falseMatchRate());
        assertEquals(1 / 4.0, none.falseNonMatchRate());
        Calibration.Point fifth = c.thresholdForFalseMatchRate(0.2);
        assertEquals(0.55, fifth.threshold(), 1e-12);
        assertEquals(0.2, fifth.falseMatchRate());
        assertEquals(0, fifth.falseNonMatchRate());
    }
}
