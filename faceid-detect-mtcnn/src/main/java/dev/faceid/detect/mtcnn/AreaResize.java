package dev.faceid.detect.mtcnn;

/**
 * Exact area-averaging resampling of interleaved 3-channel float images: every output pixel is the mean of the
 * source area it covers, with partly covered source pixels weighted by the covered fraction. This is what the
 * reference MTCNN does for its pyramid and crops. OpenCV's {@code INTER_AREA} is not used because it switches to
 * bilinear interpolation when enlarging (small crops are enlarged to 24 and 48 pixels) and rounds in fixed point,
 * which moves boxes by a few percent. Separable: one pass along x, one along y. Stateless and thread-safe.
 */
final class AreaResize {
    private AreaResize() {
    }

    /** Source pixel indices and weights for each output index along one axis, in compressed rows. */
    private record Taps(int[] start, int[] index, float[] weight) {
        static Taps of(int src, int dst) {
            double scale = (double) src / dst;
            int[] start = new int[dst + 1];
            int total = 0;
            for (int i = 0; i < dst; i++) {
                double lo = i * scale;
                double hi = Math.min(src, (i + 1) * scale);
                total += (int) Math.ceil(hi - 1e-9) - (int) Math.floor(lo) + 1;
            }
            int[] index = new int[total];
            float[] weight = new float[total];
            int n = 0;
            for (int i = 0; i < dst; i++) {
                start[i] = n;
                double lo = i * scale;
                double hi = Math.min(src, (i + 1) * scale);
                for (int j = (int) Math.floor(lo); j < hi && j < src; j++) {
                    double overlap = Math.min(hi, j + 1) - Math.max(lo, j);
                    if (overlap > 1e-12) {
                        index[n] = j;
                        weight[n] = (float) (overlap / scale);
                        n++;
                    }
                }
            }
            start[dst] = n;
            return new Taps(start, index, weight);
        }
    }

    /**
     * Resizes {@code src} ({@code sw x sh}, RGB interleaved) to {@code dw x dh}.
     *
     * @return a new interleaved array of {@code dw * dh * 3} floats
     */
    static float[] resize(float[] src, int sw, int sh, int dw, int dh) {
        Taps tx = Taps.of(sw, dw);
        Taps ty = Taps.of(sh, dh);
        float[] rows = new float[sh * dw * 3];
        for (int y = 0; y < sh; y++) {
            int srow = y * sw * 3;
            int drow = y * dw * 3;
            for (int x = 0; x < dw; x++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int t = tx.start[x]; t < tx.start[x + 1]; t++) {
                    int s = srow + tx.index[t] * 3;
                    float w = tx.weight[t];
                    r += src[s] * w;
                    g += src[s + 1] * w;
                    b += src[s + 2] * w;
                }
                int d = drow + x * 3;
                rows[d] = r;
                rows[d + 1] = g;
                rows[d + 2] = b;
            }
        }
        float[] out = new float[dh * dw * 3];
        int rowLen = dw * 3;
        for (int y = 0; y < dh; y++) {
            int drow = y * rowLen;
            for (int t = ty.start[y]; t < ty.start[y + 1]; t++) {
                int srow = ty.index[t] * rowLen;
                float w = ty.weight[t];
                for (int i = 0; i < rowLen; i++) {
                    out[drow + i] += rows[srow + i] * w;
                }
            }
        }
        return out;
    }
}
