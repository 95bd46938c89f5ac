package dev.faceid.api.match;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.gallery.FaceDatabase;

/**
 * Decides who a face is, or that it is nobody enrolled (open-set identification), and whether two faces are the
 * same person.
 *
 * <p>Thread-safe and stateless apart from its options.
 */
public interface Matcher {

    MatcherOptions options();

    /** The threshold in effect, in {@link MatcherOptions#metric()}. */
    double threshold();

    /**
     * Identifies {@code query} against {@code gallery}.
     *
     * @throws dev.faceid.api.error.EmbeddingMismatchException if the query is of another model than the gallery
     */
    MatchResult match(Embedding query, FaceDatabase gallery);

    /**
     * Compares two embeddings.
     *
     * @throws dev.faceid.api.error.EmbeddingMismatchException if they are of different models or dimensions
     */
    Verification verify(Embedding a, Embedding b);
}
