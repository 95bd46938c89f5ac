package dev.faceid.core.gallery;

import dev.faceid.api.search.Aggregation;
import dev.faceid.api.search.Candidate;
import dev.faceid.api.search.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Exact k-nearest-person search over a {@link GallerySnapshot}: one pass over the contiguous block computes each
 * sample's dot product with the query ({@link ScanKernel}), keeps each person's best in an array indexed by
 * {@code personOf}, and a bounded heap picks the {@code k} nearest persons (distance, then name) without sorting
 * everyone.
 *
 * <p>A {@link Aggregation#NEAREST} scan of at least {@link GalleryOptions#PARALLEL_MIN_SAMPLES} samples is split into
 * {@code parallelism} contiguous ranges run as a parallel stream (the calling thread plus the common fork-join pool);
 * each range keeps its own per-person maxima, merged at the end. With int8 codes, the codes are scanned instead and
 * only the persons whose code-based score is within twice the proven error bound of the k-th best are re-scored
 * with the floats, so the answer is that of the float scan, bit for bit.
 *
 * <p>Immutable and thread-safe: every search allocates its own working arrays.
 */
final class GallerySearch {
    /** Rows per kernel call: the dot products stay in L1 cache between the kernel and the per-person update. */
    private static final int CHUNK = 256;
    private final ScanKernel kernel;
    private final int parallelism;

    GallerySearch(ScanKernel kernel, int parallelism) {
        this.kernel = kernel;
        this.parallelism = parallelism;
    }

    ScanKernel kernel() {
        return kernel;
    }

    /** The {@code k} nearest persons to the unit vector {@code q}, nearest first, ties by name. */
    List<Candidate> search(GallerySnapshot s, float[] q, int k, Aggregation aggregation, Metric metric) {
        if (s.count() == 0) {
            return List.of();
        }
        if (aggregation == Aggregation.MEAN) {
            double[] mean = meanDistances(s, q, metric);
            return top(s, k, p -> mean[p]);
        }
        float[] best = s.int8() == null ? nearest(s, q, false, null) : nearestViaCodes(s, q, k);
        // Persons the codes ruled out keep -infinity: they are certainly not among the k nearest.
        return top(s, k, p -> best[p] == Float.NEGATIVE_INFINITY ? Double.NaN : metric.fromDot(best[p]));
    }

    /**
     * Each person's largest dot product with {@code q}, from the floats or (approximately) from the codes. If
     * {@code chunkMax} is not null it receives the largest value of each {@link #CHUNK} of rows.
     */
    private float[] nearest(GallerySnapshot s, float[] q, boolean codes, float[] chunkMax) {
        int n = s.count();
        int parts = n >= GalleryOptions.PARALLEL_MIN_SAMPLES ? parallelism : 1;
        if (parts == 1) {
            return scan(s, q, codes, 0, n, chunkMax);
        }
        // Range bounds on chunk boundaries, so each chunk's maximum is written by one thread only.
        IntUnaryOperator bound = part -> (int) Math.min(n, ((long) n * part / parts + CHUNK - 1) / CHUNK * CHUNK);
        return IntStream.range(0, parts).parallel()
                .mapToObj(part -> scan(s, q, codes, bound.applyAsInt(part), bound.applyAsInt(part + 1), chunkMax))
                .reduce(GallerySearch::maxInto)
                .orElseThrow();
    }

    private float[] scan(GallerySnapshot s, float[] q, boolean codes, int from, int to, float[] chunkMax) {
        float[] best = new float[s.personCount()];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        int[] personOf = s.personOf();
        float[] scales = codes ? s.int8().scales() : null;
        float[] dots = new float[CHUNK];
        for (int c = from; c < to; c += CHUNK) {
            int end = Math.min(to, c + CHUNK);
            if (codes) {
                kernel.dots(q, s.int8().codes(), c, end, dots);
                for (int i = c; i < end; i++) {
                    dots[i - c] *= scales[i];
                }
            } else {
                kernel.dots(q, s.vectors(), c, end, dots);
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int i = c; i < end; i++) {
                int p = personOf[i];
                float dot = dots[i - c];
                if (dot > best[p]) {
                    best[p] = dot;
                }
                max = Math.max(max, dot);
            }
            if (chunkMax != null) {
                chunkMax[c / CHUNK] = max;
            }
        }
        return best;
    }

    private static float[] maxInto(float[] a, float[] b) {
        for (int p = 0; p < a.length; p++) {
            a[p] = Math.max(a[p], b[p]);
        }
        return a;
    }

    /**
     * Exact per-person maxima for every person that can be among the {@code k} nearest, -infinity for the rest.
     * Each code-based score is within {@code e} of the exact one ({@link Int8Codes#errorBound}); if the k-th best
     * code-based person score is {@code t}, at least k persons score at least {@code t - e} exactly, so a person
     * whose code-based score is below {@code cut = t - 2e} scores below them all and is skipped. The others are
     * re-scored exactly over all their samples, except samples in a chunk of rows whose best code-based score is
     * below {@code cut - 2e}: such a sample scores exactly below {@code cut - e}, below the exact best of any person
     * kept, so it is nobody's maximum.
     */
    private float[] nearestViaCodes(GallerySnapshot s, float[] q, int k) {
        int n = s.count();
        float[] chunkMax = new float[(n + CHUNK - 1) / CHUNK];
        float[] approx = nearest(s, q, true, chunkMax);
        float e = s.int8().errorBound(q);
        float cut = kthLargest(approx, k) - 2 * e;
        float chunkCut = cut - 2 * e;
        float[] best = new float[approx.length];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        int[] personOf = s.personOf();
        float[] dot = new float[1];
        for (int c = 0; c < chunkMax.length; c++) {
            if (chunkMax[c] < chunkCut) {
                continue;
            }
            for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
                int p = personOf[i];
                if (approx[p] >= cut) {
                    kernel.dots(q, s.vectors(), i, i + 1, dot);
                    best[p] = Math.max(best[p], dot[0]);
                }
            }
        }
        return best;
    }

    /** The k-th largest value, or -infinity if there are fewer than k. A min-heap of the k largest seen. */
    private static float kthLargest(float[] values, int k) {
        if (k > values.length) {
            return Float.NEGATIVE_INFINITY;
        }
        float[] heap = new float[k];
        Arrays.fill(heap, Float.NEGATIVE_INFINITY);
        for (float x : values) {
            if (x <= heap[0]) {
                continue;
            }
            int i = 0;
            while (true) { // sift x down from the root, replacing the smallest
                int c = 2 * i + 1;
                if (c >= k) {
                    break;
                }
                if (c + 1 < k && heap[c + 1] < heap[c]) {
                    c++;
                }
                if (heap[c] >= x) {
                    break;
                }
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = x;
        }
        return heap[0];
    }

    /** Each person's mean distance over their samples. Single-threaded: every sample's exact distance is needed. */
    private double[] meanDistances(GallerySnapshot s, float[] q, Metric metric) {
        double[] sum = new double[s.personCount()];
        int[] samples = new int[s.personCount()];
        int[] personOf = s.personOf();
        float[] dots = new float[CHUNK];
        for (int c = 0; c < s.count(); c += CHUNK) {
            int end = Math.min(s.count(), c + CHUNK);
            kernel.dots(q, s.vectors(), c, end, dots);
            for (int i = c; i < end; i++) {
                sum[personOf[i]] += metric.fromDot(dots[i - c]);
                samples[personOf[i]]++;
            }
        }
        for (int p = 0; p < sum.length; p++) {
            sum[p] /= samples[p];
        }
        return sum;
    }

    /**
     * The {@code k} persons of smallest distance (NaN: not a candidate), nearest first, ties by name. A heap holds
     * the k best so far with the worst on top; most persons lose to it on distance alone, without boxing.
     */
    private static List<Candidate> top(GallerySnapshot s, int k, IntToDoubleFunction distance) {
        String[] names = s.persons();
        Comparator<Integer> nearerFirst = Comparator.<Integer>comparingDouble(distance::applyAsDouble)
                .thenComparing(p -> names[p]);
        int size = Math.min(k, s.personCount());
        PriorityQueue<Integer> kept = new PriorityQueue<>(size + 1, nearerFirst.reversed());
        double worst = Double.POSITIVE_INFINITY;
        for (int p = 0; p < s.personCount(); p++) {
            double dp = distance.applyAsDouble(p);
            if (Double.isNaN(dp) || (kept.size() == size && dp > worst)) {
                continue;
            }
            kept.add(p);
            if (kept.size() > size) {
                kept.poll();
            }
            if (kept.size() == size) {
                worst = distance.applyAsDouble(kept.peek());
            }
        }
        List<Candidate> out = new ArrayList<>(kept.size());
        while (!kept.isEmpty()) {
            int p = kept.poll();
            out.add(new Candidate(names[p], distance.applyAsDouble(p)));
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }
}
