package dev.faceid.api.match;

import dev.faceid.api.embed.EmbeddingModel;
import dev.faceid.api.spi.Provider;

/**
 * Service provider of a {@link Matcher}, registered in {@code META-INF/services/dev.faceid.api.match.MatcherProvider}.
 * Immutable and thread-safe.
 */
public interface MatcherProvider extends Provider {

    /** A matcher for embeddings of {@code model}, whose threshold applies unless the options override it. */
    Matcher create(MatcherOptions options, EmbeddingModel model);
}
