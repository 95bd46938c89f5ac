package dev.faceid.embed.facenet.align;

import dev.faceid.api.detect.Point;
import java.util.List;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation) as the 2x3 matrix
 * {@code [a -b tx; b a ty]}. Immutable and thread-safe.
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    /**
     * The least-squares similarity mapping {@code from} onto {@code to} (Umeyama's estimate without reflection, which
     * in 2-D has this closed form).
     */
    public static SimilarityTransform estimate(List<Point> from, List<Point> to) {
        int n = from.size();
        if (n != to.size() || n < 2) {
            throw new IllegalArgumentException("Need at least two point pairs, got " + n + " and " + to.size());
        }
        double fx = 0;
        double fy = 0;
        double tx = 0;
        double ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from.get(i).x();
            fy += from.get(i).y();
            tx += to.get(i).x();
            ty += to.get(i).y();
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double norm = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < n; i++) {
            double x = from.get(i).x() - fx;
            double y = from.get(i).y() - fy;
            double u = to.get(i).x() - tx;
            double v = to.get(i).y() - ty;
            norm += x * x + y * y;
            sa += x * u + y * v;
            sb += x * v - y * u;
        }
        if (norm < 1e-12) {
            throw new IllegalArgumentException("Landmarks coincide; cannot align");
        }
        double a = sa / norm;
        double b = sb / norm;
        return new SimilarityTransform(a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy));
    }

    /** The transform mapping box {@code (x1, y1, x2, y2)} onto a {@code w x h} image without rotation. */
    public static double[] boxToImage(double x1, double y1, double x2, double y2, int w, int h) {
        double sx = w / Math.max(1e-6, x2 - x1);
        double sy = h / Math.max(1e-6, y2 - y1);
        return new double[] {sx, 0, -x1 * sx, 0, sy, -y1 * sy};
    }

    public Point apply(Point p) {
        return new Point(a * p.x() - b * p.y() + tx, b * p.x() + a * p.y() + ty);
    }

    /** Row-major 2x3 matrix, as OpenCV's {@code warpAffine} takes it. */
    public double[] matrix() {
        return new double[] {a, -b, tx, b, a, ty};
    }

    public double scale() {
        return Math.hypot(a, b);
    }
}
