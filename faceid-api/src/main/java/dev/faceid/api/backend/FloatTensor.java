package dev.faceid.api.backend;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major (C) order, the only currency between faceid's plain-Java pre- and
 * post-processing and an inference engine.
 *
 * <p>The data array is not copied, to keep large batches cheap: whoever creates a tensor hands the array over and
 * must not modify it afterwards. Shape is copied. Safe to share between threads once created.
 */
public final class FloatTensor {
    private final long[] shape;
    private final float[] data;

    private FloatTensor(long[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * Wraps {@code data} with {@code shape}.
     *
     * @throws IllegalArgumentException if the shape does not describe exactly {@code data.length} elements
     */
    public static FloatTensor of(float[] data, long... shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " needs " + n + " elements, got "
                    + data.length);
        }
        return new FloatTensor(shape.clone(), data);
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code i}. */
    public int dim(int i) {
        return Math.toIntExact(shape[i]);
    }

    public int rank() {
        return shape.length;
    }

    /** The backing array, not a copy; treat it as read-only. */
    public float[] data() {
        return data;
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
