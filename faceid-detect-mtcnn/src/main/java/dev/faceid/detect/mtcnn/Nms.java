package dev.faceid.detect.mtcnn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression, with the two overlap measures the reference uses. Stateless and thread-safe. */
final class Nms {
    /**
     * The reference mixes two libraries' conventions: torchvision's IoU ({@code x2 - x1} wide, no {@code +1}) for
     * the union suppressions and its own inclusive {@code +1} areas for the final suppression by the smaller box.
     * The {@code +1} changes which candidates survive at minimum face 50, so each stage keeps its own.
     */
    enum Overlap {
        /** Intersection over union, continuous areas. */
        UNION,
        /** Intersection over the smaller box, inclusive ({@code +1}) areas. */
        MIN
    }

    private Nms() {
    }

    /** Keeps the best-scoring boxes, dropping any box overlapping a kept one by more than {@code threshold}. */
    static List<Box> apply(List<Box> boxes, double threshold, Overlap overlap) {
        List<Box> order = new ArrayList<>(boxes);
        order.sort(Comparator.comparingDouble((Box b) -> b.score).reversed());
        List<Box> kept = new ArrayList<>();
        boolean[] dropped = new boolean[order.size()];
        boolean min = overlap == Overlap.MIN;
        double one = min ? 1 : 0;
        for (int i = 0; i < order.size(); i++) {
            if (dropped[i]) {
                continue;
            }
            Box a = order.get(i);
            kept.add(a);
            double areaA = min ? a.inclusiveArea() : a.area();
            for (int j = i + 1; j < order.size(); j++) {
                if (dropped[j]) {
                    continue;
                }
                Box b = order.get(j);
                double w = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + one);
                double h = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + one);
                double inter = w * h;
                double areaB = min ? b.inclusiveArea() : b.area();
                double o = min ? inter / Math.min(areaA, areaB) : inter / (areaA + areaB - inter);
                if (o > threshold) {
                    dropped[j] = true;
                }
            }
        }
        return kept;
    }
}
