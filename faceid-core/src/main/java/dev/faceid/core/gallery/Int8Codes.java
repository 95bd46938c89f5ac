package dev.faceid.core.gallery;

import java.util.Arrays;

/**
 * The int8 copy of a gallery's vectors: row {@code i} is stored as codes {@code c} in [-127, 127] and a scale
 * {@code s = max|v| / 127}, so {@code v[j] = s * c[j] + e} with {@code |e| <= s / 2}. Like the float block, the
 * arrays may be longer than the snapshot's count; appending writes past every older snapshot's count.
 *
 * <p>Immutable as seen by readers, who never look past their snapshot's count; thread-safe in that sense.
 *
 * @param codes    {@code capacity x dimension} codes, row-major
 * @param scales   one scale per row
 * @param maxScale the largest scale of the rows in use: bounds every row's error at once
 */
record Int8Codes(byte[] codes, float[] scales, float maxScale) {

    /** Codes of the first {@code count} rows of {@code vectors}, with room for {@code capacity} rows. */
    static Int8Codes of(float[] vectors, int count, int d, int capacity) {
        Int8Codes c = new Int8Codes(new byte[capacity * d], new float[capacity], 0);
        for (int i = 0; i < count; i++) {
            c = c.with(vectors, i, d, capacity);
        }
        return c;
    }

    /** These codes with row {@code i} of {@code vectors} encoded into row {@code i}, grown to {@code capacity}. */
    Int8Codes with(float[] vectors, int i, int d, int capacity) {
        byte[] c = codes;
        float[] s = scales;
        if (s.length < capacity) {
            c = Arrays.copyOf(c, capacity * d);
            s = Arrays.copyOf(s, capacity);
        }
        double max = 0;
        for (int j = 0; j < d; j++) {
            max = Math.max(max, Math.abs(vectors[i * d + j]));
        }
        double scale = max / 127;
        for (int j = 0; j < d; j++) {
            c[i * d + j] = scale == 0 ? 0 : (byte) Math.round(vectors[i * d + j] / scale);
        }
        s[i] = (float) scale;
        return new Int8Codes(c, s, Math.max(maxScale, s[i]));
    }

    /**
     * A bound on {@code |q . v_i - s_i * (q . c_i)|} for every row, as computed in float: the quantisation error
     * {@code maxScale / 2 * sum|q|}, widened by 0.1% for the rounding of the codes, plus the float rounding of the
     * two dot products being compared ({@code d} adds each, of terms summing to about 1 in magnitude).
     */
    float errorBound(float[] q) {
        double l1 = 0;
        for (float x : q) {
            l1 += Math.abs(x);
        }
        int d = q.length;
        return (float) (maxScale / 2.0 * l1 * 1.001 + 4.0 * (d + 2) * Math.ulp(1f));
    }
}
