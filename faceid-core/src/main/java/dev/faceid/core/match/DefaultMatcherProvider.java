package dev.faceid.core.match;

import dev.faceid.api.embed.EmbeddingModel;
import dev.faceid.api.match.Matcher;
import dev.faceid.api.match.MatcherOptions;
import dev.faceid.api.match.MatcherProvider;
import dev.faceid.api.spi.Availability;

/** Provides {@code "default"}: open-set nearest-person matching. Pure Java, always available. Thread-safe. */
public final class DefaultMatcherProvider implements MatcherProvider {

    @Override
    public String name() {
        return "default";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.ok();
    }

    @Override
    public String artifact() {
        return "dev.faceid:faceid-core";
    }

    @Override
    public Matcher create(MatcherOptions options, EmbeddingModel model) {
        return new DefaultMatcher(options, model);
    }
}
