package dev.faceid.core.match;

import dev.faceid.api.embed.Embedding;
import dev.faceid.api.embed.EmbeddingModel;
import dev.faceid.api.gallery.FaceDatabase;
import dev.faceid.api.match.Decision;
import dev.faceid.api.match.MatchResult;
import dev.faceid.api.match.Matcher;
import dev.faceid.api.match.MatcherOptions;
import dev.faceid.api.match.Verification;
import dev.faceid.api.search.Candidate;
import java.util.List;
import java.util.Optional;

/**
 * Open-set nearest-person matching: the nearest person is named if strictly under the threshold (and, with a
 * margin, clearly nearer than the runner-up), otherwise the face is unknown. Immutable and thread-safe.
 */
final class DefaultMatcher implements Matcher {
    private final MatcherOptions options;
    private final String modelId;
    private final int modelDimension;
    private final double threshold;

    DefaultMatcher(MatcherOptions options, EmbeddingModel model) {
        this.options = options;
        this.modelId = model.id();
        this.modelDimension = model.dimension();
        // Both metrics are functions of the dot product, so a threshold converts exactly between them.
        this.threshold = options.threshold()
                .orElseGet(() -> options.metric().fromDot(model.metric().toDot(model.threshold())));
    }

    @Override
    public MatcherOptions options() {
        return options;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public MatchResult match(Embedding query, FaceDatabase gallery) {
        query.requireCompatible(gallery.modelId(), gallery.dimension());
        query.requireCompatible(modelId, modelDimension);
        int k = Math.max(options.topK(), options.margin() > 0 ? 2 : 1);
        List<Candidate> found = gallery.search(query, k, options.aggregation(), options.metric());
        List<Candidate> reported = found.subList(0, Math.min(options.topK(), found.size()));
        if (found.isEmpty()) {
            return new MatchResult(Decision.UNKNOWN, Optional.empty(), Double.POSITIVE_INFINITY, 0, threshold,
                    List.of());
        }
        Candidate best = found.get(0);
        double confidence = options.metric().confidence(best.distance());
        Decision decision;
        if (!(best.distance() < threshold)) {
            decision = Decision.UNKNOWN;
        } else if (options.margin() > 0 && found.size() > 1
                && found.get(1).distance() - best.distance() < options.margin()) {
            decision = Decision.AMBIGUOUS;
        } else {
            decision = Decision.KNOWN;
        }
        Optional<String> person = decision == Decision.KNOWN ? Optional.of(best.person()) : Optional.empty();
        return new MatchResult(decision, person, best.distance(), confidence, threshold, reported);
    }

    @Override
    public Verification verify(Embedding a, Embedding b) {
        a.requireCompatible(b);
        a.requireCompatible(modelId, modelDimension);
        double dot = a.cosine(b);
        double distance = options.metric().fromDot(dot);
        return new Verification(distance < threshold, distance, threshold, options.metric().confidence(distance));
    }
}
