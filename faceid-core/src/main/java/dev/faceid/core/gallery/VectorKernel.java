package dev.faceid.core.gallery;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernel on the Java Vector API ({@code jdk.incubator.vector}), at the widest vector the CPU has. Only loaded by
 * {@link ScanKernels} after it checked that the JVM resolved the module ({@code --add-modules jdk.incubator.vector});
 * loading it otherwise fails with a {@link LinkageError}. Stateless and thread-safe.
 *
 * <p>Rows go four at a time: each load of the query serves four rows, and the four running sums are independent, so
 * the several-cycle latency of a fused multiply-add is hidden instead of stalling every row. Every row, in a group of
 * four or alone, is one accumulator updated in dimension order, then reduced, then a scalar tail for the dimensions
 * past the last whole vector: the same operations in the same order, so results never depend on grouping.
 */
final class VectorKernel implements ScanKernel {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /**
     * Codes are loaded {@code max(8, float lanes)} at a time: 8 bytes is the narrowest byte vector there is, so on
     * 128-bit CPUs (4 float lanes) one load widens into two float vectors ({@link #PARTS}).
     */
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(Math.max(64, FLOATS.vectorBitSize() / 4)));
    private static final int PARTS = BYTES.length() / FLOATS.length();

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void dots(float[] q, float[] v, int from, int to, float[] out) {
        int d = q.length;
        int whole = FLOATS.loopBound(d);
        int i = from;
        for (; i + 3 < to; i += 4) {
            int o0 = i * d;
            int o1 = o0 + d;
            int o2 = o1 + d;
            int o3 = o2 + d;
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int j = 0; j < whole; j += FLOATS.length()) {
                FloatVector qj = FloatVector.fromArray(FLOATS, q, j);
                a0 = qj.fma(FloatVector.fromArray(FLOATS, v, o0 + j), a0);
                a1 = qj.fma(FloatVector.fromArray(FLOATS, v, o1 + j), a1);
                a2 = qj.fma(FloatVector.fromArray(FLOATS, v, o2 + j), a2);
                a3 = qj.fma(FloatVector.fromArray(FLOATS, v, o3 + j), a3);
            }
            out[i - from] = finish(a0, q, v, o0, whole);
            out[i + 1 - from] = finish(a1, q, v, o1, whole);
            out[i + 2 - from] = finish(a2, q, v, o2, whole);
            out[i + 3 - from] = finish(a3, q, v, o3, whole);
        }
        for (; i < to; i++) {
            int o = i * d;
            FloatVector a = FloatVector.zero(FLOATS);
            for (int j = 0; j < whole; j += FLOATS.length()) {
                a = FloatVector.fromArray(FLOATS, q, j).fma(FloatVector.fromArray(FLOATS, v, o + j), a);
            }
            out[i - from] = finish(a, q, v, o, whole);
        }
    }

    private static float finish(FloatVector acc, float[] q, float[] v, int offset, int j) {
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < q.length; j++) {
            s += q[j] * v[offset + j];
        }
        return s;
    }

    // The same four-rows-at-a-time loop over int8 codes: the byte rows need their own widening loads, and Java has no
    // generics over primitive arrays that would let one loop serve both without costing the scan its speed.
    @Override
    public void dots(float[] q, byte[] codes, int from, int to, float[] out) {
        int d = q.length;
        int whole = BYTES.loopBound(d);
        int i = from;
        for (; i + 3 < to; i += 4) {
            int o0 = i * d;
            int o1 = o0 + d;
            int o2 = o1 + d;
            int o3 = o2 + d;
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int j = 0; j < whole; j += BYTES.length()) {
                for (int part = 0; part < PARTS; part++) {
                    FloatVector qj = FloatVector.fromArray(FLOATS, q, j + part * FLOATS.length());
                    a0 = qj.fma(widen(codes, o0 + j, part), a0);
                    a1 = qj.fma(widen(codes, o1 + j, part), a1);
                    a2 = qj.fma(widen(codes, o2 + j, part), a2);
                    a3 = qj.fma(widen(codes, o3 + j, part), a3);
                }
            }
            out[i - from] = finish(a0, q, codes, o0, whole);
            out[i + 1 - from] = finish(a1, q, codes, o1, whole);
            out[i + 2 - from] = finish(a2, q, codes, o2, whole);
            out[i + 3 - from] = finish(a3, q, codes, o3, whole);
        }
        for (; i < to; i++) {
            int o = i * d;
            FloatVector a = FloatVector.zero(FLOATS);
            for (int j = 0; j < whole; j += BYTES.length()) {
                for (int part = 0; part < PARTS; part++) {
                    a = FloatVector.fromArray(FLOATS, q, j + part * FLOATS.length()).fma(widen(codes, o + j, part), a);
                }
            }
            out[i - from] = finish(a, q, codes, o, whole);
        }
    }

    /** Part {@code part} of the byte vector at {@code offset}, widened to floats. */
    private static FloatVector widen(byte[] codes, int offset, int part) {
        return (FloatVector) ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2F, FLOATS, part);
    }

    private static float finish(FloatVector acc, float[] q, byte[] codes, int offset, int j) {
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < q.length; j++) {
            s += q[j] * codes[offset + j];
        }
        return s;
    }

    @Override
    public String toString() {
        return name() + " (" + FLOATS.length() + " floats)";
    }
}
