package dev.faceid.api.embed;

import dev.faceid.api.error.EmbeddingMismatchException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A face embedding: a vector tagged with the id of the model that produced it, so that vectors of different models
 * are never compared by mistake.
 *
 * <p>Immutable and thread-safe: the values are copied in and copied out.
 */
public final class Embedding {
    private final String modelId;
    private final float[] values;

    private Embedding(String modelId, float[] values) {
        this.modelId = modelId;
        this.values = values;
    }

    /** An embedding of {@code values} (copied) produced by model {@code modelId}. */
    public static Embedding of(String modelId, float[] values) {
        Objects.requireNonNull(modelId, "modelId");
        if (values.length == 0) {
            throw new IllegalArgumentException("An embedding needs at least one dimension");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("Embedding of " + modelId + " contains " + v);
            }
        }
        return new Embedding(modelId, values.clone());
    }

    public String modelId() {
        return modelId;
    }

    public int dimension() {
        return values.length;
    }

    public float get(int i) {
        return values[i];
    }

    /** A copy of the values. */
    public float[] toArray() {
        return values.clone();
    }

    /** Copies the values into {@code dst} at {@code offset}, without an intermediate array. */
    public void copyTo(float[] dst, int offset) {
        System.arraycopy(values, 0, dst, offset, values.length);
    }

    public double norm() {
        double s = 0;
        for (float v : values) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    /** This embedding scaled to unit length (itself if it already is, within float precision). */
    public Embedding normalized() {
        double n = norm();
        if (n == 0) {
            throw new IllegalArgumentException("Cannot normalise a zero embedding of " + modelId);
        }
        if (Math.abs(n - 1) < 1e-6) {
            return this;
        }
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (values[i] / n);
        }
        return new Embedding(modelId, out);
    }

    /** Cosine similarity in [-1, 1]. */
    public double cosine(Embedding other) {
        requireCompatible(other);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < values.length; i++) {
            dot += (double) values[i] * other.values[i];
            na += (double) values[i] * values[i];
            nb += (double) other.values[i] * other.values[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /**
     * Throws unless {@code other} comes from the same model with the same dimension.
     *
     * @throws EmbeddingMismatchException naming both models
     */
    public void requireCompatible(Embedding other) {
        requireCompatible(other.modelId, other.values.length);
    }

    /** Throws unless this embedding is of model {@code model} with {@code dim} dimensions. */
    public void requireCompatible(String model, int dim) {
        if (!modelId.equals(model) || values.length != dim) {
            throw new EmbeddingMismatchException("Cannot compare an embedding of model '" + modelId + "' ("
                    + values.length + "-d) with one of model '" + model + "' (" + dim + "-d). Re-enrol the gallery "
                    + "with the model you identify with.");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && e.modelId.equals(modelId) && Arrays.equals(e.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * modelId.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Embedding[" + modelId + ", " + values.length + "-d]";
    }
}
