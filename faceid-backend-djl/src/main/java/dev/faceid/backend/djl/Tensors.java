package dev.faceid.backend.djl;

import dev.faceid.api.backend.FloatTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splitting a batch along its first dimension and joining the outputs back. Stateless. */
final class Tensors {
    private Tensors() {
    }

    /** {@code parts} consecutive slices of {@code batch} along dimension 0, as equal as possible. */
    static List<FloatTensor> split(FloatTensor batch, int parts) {
        long[] shape = batch.shape();
        int n = (int) shape[0];
        int per = batch.data().length / n;
        List<FloatTensor> out = new ArrayList<>(parts);
        int from = 0;
        for (int p = 0; p < parts; p++) {
            int count = n / parts + (p < n % parts ? 1 : 0);
            long[] s = shape.clone();
            s[0] = count;
            out.add(FloatTensor.of(Arrays.copyOfRange(batch.data(), from * per, (from + count) * per), s));
            from += count;
        }
        return out;
    }

    /** Joins, output by output, the results of the slices of one batch along dimension 0. */
    static List<FloatTensor> concat(List<List<FloatTensor>> pieces) {
        int outputs = pieces.get(0).size();
        List<FloatTensor> out = new ArrayList<>(outputs);
        for (int o = 0; o < outputs; o++) {
            int total = 0;
            long rows = 0;
            for (List<FloatTensor> p : pieces) {
                total += p.get(o).data().length;
                rows += p.get(o).shape()[0];
            }
            float[] data = new float[total];
            int at = 0;
            for (List<FloatTensor> p : pieces) {
                float[] d = p.get(o).data();
                System.arraycopy(d, 0, data, at, d.length);
                at += d.length;
            }
            long[] shape = pieces.get(0).get(o).shape();
            shape[0] = rows;
            out.add(FloatTensor.of(data, shape));
        }
        return out;
    }
}
