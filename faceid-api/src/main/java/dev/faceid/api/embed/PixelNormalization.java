package dev.faceid.api.embed;

/**
 * How pixel values (0..255) become network inputs. Immutable and thread-safe.
 *
 * @param kind  which formula
 * @param mean  subtracted from each pixel ({@link Kind#MEAN_SCALE})
 * @param scale multiplied after subtraction ({@link Kind#MEAN_SCALE})
 */
public record PixelNormalization(Kind kind, float mean, float scale) {

    /** The formulas faceid knows. */
    public enum Kind {
        /** {@code (p - mean) * scale}. */
        MEAN_SCALE,
        /** FaceNet's "prewhiten": {@code (p - mean(image)) / max(std(image), 1/sqrt(n))} per image. */
        PER_IMAGE_STANDARDIZATION
    }

    /** {@code (p - 127.5) / 128}: MobileFaceNet and most FaceNet exports. */
    public static PixelNormalization facenet() {
        return new PixelNormalization(Kind.MEAN_SCALE, 127.5f, 1f / 128f);
    }

    /** {@code (p - 127.5) / 127.5}, i.e. [-1, 1], as the tutorial's Keras FaceNet expects. */
    public static PixelNormalization symmetric() {
        return new PixelNormalization(Kind.MEAN_SCALE, 127.5f, 1f / 127.5f);
    }

    public static PixelNormalization perImage() {
        return new PixelNormalization(Kind.PER_IMAGE_STANDARDIZATION, 0, 1);
    }

    /** Normalises {@code n} values of {@code plane} starting at {@code offset}, in place. */
    public void apply(float[] plane, int offset, int n) {
        if (kind == Kind.MEAN_SCALE) {
            for (int i = offset; i < offset + n; i++) {
                plane[i] = (plane[i] - mean) * scale;
            }
            return;
        }
        double sum = 0;
        double sq = 0;
        for (int i = offset; i < offset + n; i++) {
            sum += plane[i];
            sq += (double) plane[i] * plane[i];
        }
        double m = sum / n;
        double std = Math.max(Math.sqrt(Math.max(0, sq / n - m * m)), 1 / Math.sqrt(n));
        for (int i = offset; i < offset + n; i++) {
            plane[i] = (float) ((plane[i] - m) / std);
        }
    }
}
