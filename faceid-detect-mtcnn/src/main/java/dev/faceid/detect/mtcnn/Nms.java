package dev.faceid.detect.mtcnn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression with the reference's inclusive box areas. Stateless and thread-safe. */
final class Nms {
    enum Overlap { UNION, MIN }

    private Nms() {
    }

    /** Keeps the best-scoring boxes, dropping any box overlapping a kept one by more than {@code threshold}. */
    static List<Box> apply(List<Box> boxes, double threshold, Overlap overlap) {
        List<Box> order = new ArrayList<>(boxes);
        order.sort(Comparator.comparingDouble((Box b) -> b.score).reversed());
        List<Box> kept = new ArrayList<>();
        boolean[] dropped = new boolean[order.size()];
        for (int i = 0; i < order.size(); i++) {
            if (dropped[i]) {
                continue;
            }
            Box a = order.get(i);
            kept.add(a);
            double areaA = a.area();
            for (int j = i + 1; j < order.size(); j++) {
                if (dropped[j]) {
                    continue;
                }
                Box b = order.get(j);
                double w = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + 1);
                double h = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + 1);
                double inter = w * h;
                double o = overlap == Overlap.MIN ? inter / Math.min(areaA, b.area())
                        : inter / (areaA + b.area() - inter);
                if (o > threshold) {
                    dropped[j] = true;
                }
            }
        }
        return kept;
    }
}
