package dev.faceid.embed.facenet.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.detect.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The landmark alignment's similarity estimate: exact on exact data, least squares on noisy data, typed on bad. */
class SimilarityTransformTest {
    /** The five-point template faces are aligned to (112x112, ArcFace). */
    private static final List<Point> TEMPLATE = List.of(new Point(38.2946, 51.6963), new Point(73.5318, 51.5014),
            new Point(56.0252, 71.7366), new Point(41.5493, 92.3655), new Point(70.7299, 92.2041));

    private static List<Point> map(SimilarityTransform t, List<Point> points) {
        return points.stream().map(t::apply).toList();
    }

    @Test
    @DisplayName("Recovers a known rotation, scale and translation exactly from five landmarks")
    void recoversAKnownTransform() {
        double angle = Math.toRadians(17);
        double scale = 2.5;
        SimilarityTransform truth = new SimilarityTransform(scale * Math.cos(angle), scale * Math.sin(angle), 31, -7);
        SimilarityTransform est = SimilarityTransform.estimate(TEMPLATE, map(truth, TEMPLATE));
        assertEquals(truth.a(), est.a(), 1e-12);
        assertEquals(truth.b(), est.b(), 1e-12);
        assertEquals(truth.tx(), est.tx(), 1e-9);
        assertEquals(truth.ty(), est.ty(), 1e-9);
        assertEquals(scale, est.scale(), 1e-12);
    }

    @Test
    @DisplayName("Mapping a face's landmarks onto the template and back gives the landmarks again")
    void inverseRoundTrip() {
        List<Point> face = List.of(new Point(210.4, 140.2), new Point(262.9, 151.0), new Point(231.0, 180.5),
                new Point(208.8, 203.1), new Point(250.2, 211.7));
        SimilarityTransform toTemplate = SimilarityTransform.estimate(face, TEMPLATE);
        SimilarityTransform back = SimilarityTransform.estimate(map(toTemplate, face), face);
        List<Point> again = map(back, map(toTemplate, face));
        for (int i = 0; i < face.size(); i++) {
            assertEquals(face.get(i).x(), again.get(i).x(), 1e-9);
            assertEquals(face.get(i).y(), again.get(i).y(), 1e-9);
        }
    }

    @Test
    @DisplayName("On noisy landmarks it is the least-squares fit: any nudge of its parameters fits worse")
    void leastSquaresOnNoise() {
        Random random = new Random(7);
        List<Point> noisy = new ArrayList<>();
        for (Point p : map(new SimilarityTransform(0.8, -0.3, 12, 40), TEMPLATE)) {
            noisy.add(new Point(p.x() + random.nextGaussian(), p.y() + random.nextGaussian()));
        }
        SimilarityTransform fit = SimilarityTransform.estimate(TEMPLATE, noisy);
        double best = residual(fit, noisy);
        double[] d = {1e-3, -1e-3};
        for (double e : d) {
            assertTrue(residual(new SimilarityTransform(fit.a() + e, fit.b(), fit.tx(), fit.ty()), noisy) > best);
            assertTrue(residual(new SimilarityTransform(fit.a(), fit.b() + e, fit.tx(), fit.ty()), noisy) > best);
            assertTrue(residual(new SimilarityTransform(fit.a(), fit.b(), fit.tx() + e, fit.ty()), noisy) > best);
            assertTrue(residual(new SimilarityTransform(fit.a(), fit.b(), fit.tx(), fit.ty() + e), noisy) > best);
        }
    }

    private static double residual(SimilarityTransform t, List<Point> target) {
        double sum = 0;
        for (int i = 0; i < TEMPLATE.size(); i++) {
            Point p = t.apply(TEMPLATE.get(i));
            sum += Math.pow(p.x() - target.get(i).x(), 2) + Math.pow(p.y() - target.get(i).y(), 2);
        }
        return sum;
    }

    @Test
    @DisplayName("The matrix is OpenCV's row-major [a -b tx; b a ty], and a box maps onto the image corners")
    void matrixLayoutAndBoxMapping() {
        assertArrayEquals(new double[] {1, -2, 3, 2, 1, 4}, new SimilarityTransform(1, 2, 3, 4).matrix());
        double[] m = SimilarityTransform.boxToImage(10, 20, 60, 120, 112, 112);
        assertEquals(0, m[0] * 10 + m[2], 1e-9);
        assertEquals(112, m[0] * 60 + m[2], 1e-9);
        assertEquals(0, m[4] * 20 + m[5], 1e-9);
        assertEquals(112, m[4] * 120 + m[5], 1e-9);
    }

    @Test
    @DisplayName("Fewer than two pairs, unequal lists, or coinciding landmarks are IllegalArgumentException")
    void degenerateInputIsRefused() {
        Point p = new Point(1, 1);
        assertThrows(IllegalArgumentException.class, () -> SimilarityTransform.estimate(List.of(p), List.of(p)));
        assertThrows(IllegalArgumentException.class,
                () -> SimilarityTransform.estimate(TEMPLATE, TEMPLATE.subList(0, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> SimilarityTransform.estimate(List.of(p, p, p), List.of(p, new Point(2, 2), p)));
    }
}
