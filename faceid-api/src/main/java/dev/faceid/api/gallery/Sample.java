package dev.faceid.api.gallery;

import dev.faceid.api.embed.Embedding;
import java.util.Objects;

/**
 * One enrolled embedding of a person. Immutable and thread-safe.
 *
 * @param id        unique within its database, stable across save and load
 * @param person    who it belongs to
 * @param embedding L2-normalised
 */
public record Sample(long id, String person, Embedding embedding) {
    public Sample {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(embedding, "embedding");
    }
}
