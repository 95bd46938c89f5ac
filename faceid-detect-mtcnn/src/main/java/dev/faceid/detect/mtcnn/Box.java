package dev.faceid.detect.mtcnn;

/**
 * A candidate box during the cascade, in the reference's convention: real-valued corners of 1-based inclusive pixel
 * coordinates, so a box spans {@code x2 - x1 + 1} pixels in the later stages' regression. Corners stay real all
 * the way; only cropping truncates them. Mutable and confined to one detection call.
 */
final class Box {
    double x1;
    double y1;
    double x2;
    double y2;
    double score;
    /** Regression offsets (dx1, dy1, dx2, dy2), as fractions of the box size. */
    final double[] reg = new double[4];
    /** Landmarks x1..x5, y1..y5 in image coordinates, set by the last stage. */
    double[] landmarks;

    Box(double x1, double y1, double x2, double y2, double score) {
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
        this.score = score;
    }

    /** Applies {@link #reg} with the box size measured as in stage 1 ({@code x2 - x1}, no +1). */
    void regressStage1() {
        double w = x2 - x1;
        double h = y2 - y1;
        shift(w, h);
    }

    /** Applies {@link #reg} with the inclusive box size of stages 2 and 3. */
    void regress() {
        shift(x2 - x1 + 1, y2 - y1 + 1);
    }

    private void shift(double w, double h) {
        double nx1 = x1 + reg[0] * w;
        double ny1 = y1 + reg[1] * h;
        double nx2 = x2 + reg[2] * w;
        double ny2 = y2 + reg[3] * h;
        x1 = nx1;
        y1 = ny1;
        x2 = nx2;
        y2 = ny2;
    }

    /** Grows the shorter side so the box is square around the same centre. */
    void square() {
        double w = x2 - x1;
        double h = y2 - y1;
        double l = Math.max(w, h);
        x1 = x1 + w * 0.5 - l * 0.5;
        y1 = y1 + h * 0.5 - l * 0.5;
        x2 = x1 + l;
        y2 = y1 + l;
    }

    /**
     * Sets the landmarks from O-Net's output at {@code at}: x1..x5 then y1..y5, as fractions of this box's inclusive
     * size, measured from its 1-based corner.
     */
    void placeLandmarks(float[] marks, int at) {
        double w = x2 - x1 + 1;
        double h = y2 - y1 + 1;
        landmarks = new double[10];
        for (int j = 0; j < 5; j++) {
            landmarks[j] = w * marks[at + j] + x1 - 1;
            landmarks[5 + j] = h * marks[at + 5 + j] + y1 - 1;
        }
    }

    /** The area as the torchvision NMS of the reference's union stages measures it: {@code (x2 - x1) * (y2 - y1)}. */
    double area() {
        return (x2 - x1) * (y2 - y1);
    }

    /** The inclusive area the reference's final NMS uses: {@code (x2 - x1 + 1) * (y2 - y1 + 1)}. */
    double inclusiveArea() {
        return (x2 - x1 + 1) * (y2 - y1 + 1);
    }
}
