package dev.faceid.core.gallery;

/**
 * The inner loop of a gallery scan: dot products of the query with consecutive rows of a block. Implementations
 * differ only in how they use the CPU ({@link ScalarKernel}, {@link VectorKernel}); {@link ScanKernels} picks one at
 * run time. Rows are handed over in ranges so that a kernel can work on several rows at once, sharing each load of
 * the query and keeping several independent sums in flight.
 *
 * <p>Implementations are stateless and thread-safe. Each computes a row's dot product by the same sequence of
 * operations wherever the row sits in the block and whichever range it is part of, so equal rows give bit-identical
 * results and exact ties stay exact ties.
 */
interface ScanKernel {

    /** {@code "scalar"} or {@code "vector"}, as in {@code -Dfaceid.search.kernel}. */
    String name();

    /**
     * {@code out[i - from] = q . v[i * d .. (i + 1) * d)} for rows {@code i} in {@code [from, to)}, where
     * {@code d = q.length}.
     */
    void dots(float[] q, float[] v, int from, int to, float[] out);

    /** As {@link #dots(float[], float[], int, int, float[])} over int8 codes taken as integers (unscaled). */
    void dots(float[] q, byte[] codes, int from, int to, float[] out);
}
