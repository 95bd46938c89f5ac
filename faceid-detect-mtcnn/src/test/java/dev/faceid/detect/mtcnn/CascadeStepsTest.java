package dev.faceid.detect.mtcnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reference's box arithmetic: its two NMS overlap measures, squaring and regression. */
class CascadeStepsTest {

    @Test
    @DisplayName("Union NMS measures continuous areas (no +1), keeps the best box and drops one overlapping it more")
    void unionNms() {
        Box best = new Box(0, 0, 10, 10, 0.9);
        Box overlapping = new Box(1, 1, 11, 11, 0.8);  // IoU = 81 / 119 = 0.68; with +1 areas 100 / 142 = 0.704
        Box apart = new Box(20, 20, 30, 30, 0.7);
        assertEquals(List.of(best, apart), Nms.apply(List.of(overlapping, apart, best), 0.5, Nms.Overlap.UNION));
        assertEquals(3, Nms.apply(List.of(overlapping, apart, best), 0.7, Nms.Overlap.UNION).size());
    }

    @Test
    @DisplayName("Min NMS (inclusive +1 areas) drops a box lying inside a better one even when their IoU is small")
    void minNms() {
        Box big = new Box(0, 0, 19, 19, 0.9);
        Box inside = new Box(5, 5, 9, 9, 0.95);
        List<Box> kept = Nms.apply(List.of(big, inside), 0.7, Nms.Overlap.MIN);
        assertEquals(1, kept.size());
        assertSame(inside, kept.get(0));
        assertEquals(2, Nms.apply(List.of(big, inside), 0.7, Nms.Overlap.UNION).size());
    }

    @Test
    @DisplayName("Squaring grows the short side around the centre")
    void squaring() {
        Box b = new Box(10, 20, 30, 60, 1);
        b.square();
        assertEquals(0, b.x1, 1e-12);
        assertEquals(20, b.y1, 1e-12);
        assertEquals(40, b.x2, 1e-12);
        assertEquals(60, b.y2, 1e-12);
    }

    @Test
    @DisplayName("Stage 1 regresses by x2 - x1, later stages by the inclusive x2 - x1 + 1")
    void regressionConventions() {
        Box first = new Box(10, 10, 20, 30, 1);
        first.reg[0] = 0.1;
        first.reg[3] = -0.5;
        first.regressStage1();
        assertEquals(11, first.x1, 1e-12);
        assertEquals(20, first.y2, 1e-12);
        Box later = new Box(10, 10, 19, 29, 1);
        later.reg[0] = 0.1;
        later.regress();
        assertEquals(11, later.x1, 1e-12);
    }
}
