package dev.faceid.api.gallery;

/** The inner loop of every gallery scan. Stateless. */
final class DotProduct {
    private DotProduct() {
    }

    /** {@code q . v[offset .. offset + d)}. Four accumulators break the add dependency chain so the CPU pipelines it. */
    static double dot(float[] q, float[] v, int offset, int d) {
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
        return (double) s0 + s1 + s2 + s3;
    }
}
