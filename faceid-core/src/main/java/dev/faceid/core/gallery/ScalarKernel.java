package dev.faceid.core.gallery;

/**
 * Plain Java kernel, used when the JVM runs without the Vector API. Stateless and thread-safe.
 *
 * <p>One row at a time, with four independent accumulators: they break the floating-point add dependency chain, so
 * the CPU keeps several multiply-adds in flight instead of waiting on each one; HotSpot does not vectorise a float
 * reduction by itself because that would change the rounding.
 */
final class ScalarKernel implements ScanKernel {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void dots(float[] q, float[] v, int from, int to, float[] out) {
        int d = q.length;
        for (int i = from; i < to; i++) {
            int offset = i * d;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                s0 += q[j] * v[offset + j];
                s1 += q[j + 1] * v[offset + j + 1];
                s2 += q[j + 2] * v[offset + j + 2];
                s3 += q[j + 3] * v[offset + j + 3];
            }
            for (; j < d; j++) {
                s0 += q[j] * v[offset + j];
            }
            out[i - from] = (s0 + s1) + (s2 + s3);
        }
    }

    // The same loop over bytes: Java has no generics over primitive arrays, and an accessor shared by both would
    // cost the scan the speed it exists for.
    @Override
    public void dots(float[] q, byte[] codes, int from, int to, float[] out) {
        int d = q.length;
        for (int i = from; i < to; i++) {
            int offset = i * d;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                s0 += q[j] * codes[offset + j];
                s1 += q[j + 1] * codes[offset + j + 1];
                s2 += q[j + 2] * codes[offset + j + 2];
                s3 += q[j + 3] * codes[offset + j + 3];
            }
            for (; j < d; j++) {
                s0 += q[j] * codes[offset + j];
            }
            out[i - from] = (s0 + s1) + (s2 + s3);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
