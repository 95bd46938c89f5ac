package dev.faceid.api.detect;

/**
 * A point in image pixel coordinates (x to the right, y down). Immutable and thread-safe.
 */
public record Point(double x, double y) {

    public double distanceTo(Point other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}
