package dev.faceid.cli.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Error rates of a distance threshold over labelled pairs. A pair is matched when its distance is below the
 * threshold, as the matcher decides. Immutable and thread-safe.
 */
public final class Calibration {
    private final double[] genuine;
    private final double[] impostor;

    /** One threshold and its error rates. */
    public record Point(double threshold, double falseMatchRate, double falseNonMatchRate) {
    }

    /**
     * @param genuine  distances of same-person pairs
     * @param impostor distances of different-person pairs
     */
    public Calibration(double[] genuine, double[] impostor) {
        if (genuine.length == 0 || impostor.length == 0) {
            throw new IllegalArgumentException("Calibration needs same-person and different-person pairs, got "
                    + genuine.length + " and " + impostor.length);
        }
        this.genuine = genuine.clone();
        this.impostor = impostor.clone();
        Arrays.sort(this.genuine);
        Arrays.sort(this.impostor);
    }

    /** Same-person distances, ascending. */
    public double[] genuine() {
        return genuine.clone();
    }

    /** Different-person distances, ascending. */
    public double[] impostor() {
        return impostor.clone();
    }

    /** The share of different-person pairs below {@code threshold}: strangers who would be named. */
    public double falseMatchRate(double threshold) {
        return (double) below(impostor, threshold) / impostor.length;
    }

    /** The share of same-person pairs at or above {@code threshold}: people who would not be recognised. */
    public double falseNonMatchRate(double threshold) {
        return (double) (genuine.length - below(genuine, threshold)) / genuine.length;
    }

    public Point at(double threshold) {
        return new Point(threshold, falseMatchRate(threshold), falseNonMatchRate(threshold));
    }

    /**
     * The ROC curve: one point between each two neighbouring distances, and one past each end, which are all the
     * thresholds that give different error rates.
     */
    public List<Point> roc() {
        double[] all = DoubleStream.concat(Arrays.stream(genuine), Arrays.stream(impostor)).sorted().distinct()
                .toArray();
        List<Point> points = new ArrayList<>(all.length + 1);
        points.add(at(Math.max(0, all[0] - 1e-3)));
        for (int i = 1; i < all.length; i++) {
            points.add(at((all[i - 1] + all[i]) / 2));
        }
        points.add(at(all[all.length - 1] + 1e-3));
        return points;
    }

    /**
     * The equal error rate: the ROC point where the two error rates are closest, reported as their mean. When a
     * range of thresholds qualifies (separable sets), the middle of that range.
     */
    public Point equalErrorRate() {
        List<Point> roc = roc();
        double best = roc.stream().mapToDouble(p -> Math.abs(p.falseMatchRate() - p.falseNonMatchRate())).min()
                .orElseThrow();
        List<Point> ties = roc.stream()
                .filter(p -> Math.abs(p.falseMatchRate() - p.falseNonMatchRate()) == best).toList();
        Point mid = ties.get(ties.size() / 2);
        return new Point(mid.threshold(), (mid.falseMatchRate() + mid.falseNonMatchRate()) / 2,
                (mid.falseMatchRate() + mid.falseNonMatchRate()) / 2);
    }

    /**
     * The threshold that recognises the most same-person pairs while naming at most {@code targetFmr} of the
     * different-person pairs. It sits halfway between the first impostor distance it must exclude and the distance
     * just below it: any threshold in that gap has the same error rates on this set, and the middle leaves room on
     * both sides for faces not in it.
     */
    public Point thresholdForFalseMatchRate(double targetFmr) {
        if (!(targetFmr >= 0 && targetFmr < 1)) {
            throw new IllegalArgumentException("The target false-match rate must be in [0, 1), got " + targetFmr);
        }
        int allowed = (int) Math.floor(targetFmr * impostor.length);
        if (allowed >= impostor.length) {
            return at(impostor[impostor.length - 1] + 1e-3);
        }
        double excluded = impostor[allowed];
        double below = DoubleStream.concat(Arrays.stream(genuine), Arrays.stream(impostor))
                .filter(d -> d < excluded).max().orElse(excluded);
        return at((below + excluded) / 2);
    }

    private static int below(double[] sorted, double threshold) {
        int i = Arrays.binarySearch(sorted, threshold);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == threshold) {
            i--;
        }
        return i;
    }
}
