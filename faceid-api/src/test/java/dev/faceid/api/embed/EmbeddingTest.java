package dev.faceid.api.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceid.api.error.EmbeddingMismatchException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Embedding}: defensive copies, normalisation, equality and the model-compatibility check. */
class EmbeddingTest {

    @Test
    @DisplayName("of() copies its input and toArray() returns a copy, so the embedding cannot be changed from outside")
    void copies() {
        float[] v = {1f, 2f, 3f};
        Embedding e = Embedding.of("m", v);
        v[0] = 100f;
        assertEquals(1f, e.get(0));
        float[] out = e.toArray();
        out[1] = 100f;
        assertEquals(2f, e.get(1));
        assertEquals(3, e.dimension());
        assertEquals("m", e.modelId());
        float[] dst = new float[5];
        e.copyTo(dst, 1);
        assertArrayEquals(new float[] {0f, 1f, 2f, 3f, 0f}, dst);
    }

    @Test
    @DisplayName("of() rejects an empty vector and non-finite values")
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> Embedding.of("m", new float[0]));
        assertThrows(IllegalArgumentException.class, () -> Embedding.of("m", new float[] {1f, Float.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> Embedding.of("m", new float[] {Float.POSITIVE_INFINITY}));
        assertThrows(NullPointerException.class, () -> Embedding.of(null, new float[] {1f}));
    }

    @Test
    @DisplayName("normalized() scales to unit length keeping direction; a unit vector is returned as is")
    void normalized() {
        Embedding e = Embedding.of("m", new float[] {3f, 4f});
        assertEquals(5.0, e.norm(), 1e-12);
        Embedding n = e.normalized();
        assertEquals(1.0, n.norm(), 1e-6);
        assertArrayEquals(new float[] {0.6f, 0.8f}, n.toArray(), 1e-7f);
        assertEquals("m", n.modelId());
        assertArrayEquals(new float[] {3f, 4f}, e.toArray(), "the original is unchanged");
        Embedding unit = Embedding.of("m", new float[] {0f, 1f});
        assertSame(unit, unit.normalized());
        assertThrows(IllegalArgumentException.class, () -> Embedding.of("m", new float[] {0f, 0f}).normalized());
    }

    @Test
    @DisplayName("equals and hashCode depend on model id and values")
    void equality() {
        Embedding a = Embedding.of("m", new float[] {1f, 2f});
        Embedding b = Embedding.of("m", new float[] {1f, 2f});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Embedding.of("n", new float[] {1f, 2f}));
        assertNotEquals(a, Embedding.of("m", new float[] {1f, 2.0001f}));
        assertNotEquals(a, Embedding.of("m", new float[] {1f, 2f, 0f}));
        assertNotEquals(a, "m");
        assertTrue(a.toString().contains("m") && a.toString().contains("2-d"), a.toString());
    }

    @Test
    @DisplayName("cosine is scale-invariant and in [-1, 1]")
    void cosine() {
        Embedding a = Embedding.of("m", new float[] {1f, 0f});
        assertEquals(1.0, a.cosine(Embedding.of("m", new float[] {5f, 0f})), 1e-12);
        assertEquals(0.0, a.cosine(Embedding.of("m", new float[] {0f, 2f})), 1e-12);
        assertEquals(-1.0, a.cosine(Embedding.of("m", new float[] {-3f, 0f})), 1e-12);
    }

    @Test
    @DisplayName("requireCompatible passes for the same model and dimension and otherwise names both models")
    void requireCompatible() {
        Embedding a = Embedding.of("facenet", new float[] {1f, 0f});
        assertDoesNotThrow(() -> a.requireCompatible(Embedding.of("facenet", new float[] {0f, 1f})));
        assertDoesNotThrow(() -> a.requireCompatible("facenet", 2));

        EmbeddingMismatchException model = assertThrows(EmbeddingMismatchException.class,
                () -> a.requireCompatible(Embedding.of("arcface", new float[] {0f, 1f})));
        assertEquals("Cannot compare an embedding of model 'facenet' (2-d) with one of model 'arcface' (2-d). "
                + "Re-enrol the gallery with the model you identify with.", model.getMessage());

        EmbeddingMismatchException dim = assertThrows(EmbeddingMismatchException.class,
                () -> a.requireCompatible("facenet", 512));
        assertTrue(dim.getMessage().contains("(2-d)") && dim.getMessage().contains("(512-d)"), dim.getMessage());
        assertThrows(EmbeddingMismatchException.class,
                () -> a.cosine(Embedding.of("facenet", new float[] {1f, 0f, 0f})));
    }
}
