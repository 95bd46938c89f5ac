package dev.faceid.api.detect;

/**
 * An axis-aligned box in pixel coordinates, {@code x1 <= x2}, {@code y1 <= y2}. Immutable and thread-safe.
 */
public record BoundingBox(double x1, double y1, double x2, double y2) {

    public BoundingBox {
        if (!(x1 <= x2) || !(y1 <= y2)) {
            throw new IllegalArgumentException("Invalid box [" + x1 + ", " + y1 + ", " + x2 + ", " + y2 + "]");
        }
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    /** Intersection over union, in [0, 1]. */
    public double iou(BoundingBox o) {
        double iw = Math.max(0, Math.min(x2, o.x2) - Math.max(x1, o.x1));
        double ih = Math.max(0, Math.min(y2, o.y2) - Math.max(y1, o.y1));
        double inter = iw * ih;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
