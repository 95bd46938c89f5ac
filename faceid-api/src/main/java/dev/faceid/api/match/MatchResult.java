package dev.faceid.api.match;

import dev.faceid.api.search.Candidate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "who is this?". Immutable and thread-safe.
 *
 * @param decision   known, unknown or ambiguous
 * @param person     the identified person, present only when {@code decision} is {@link Decision#KNOWN}
 * @param distance   distance to the nearest person, {@code Double.POSITIVE_INFINITY} for an empty gallery
 * @param confidence {@code 1 - cosine distance} to the nearest person, clamped to [0, 1]
 * @param threshold  the threshold the decision used
 * @param candidates the nearest people, nearest first, at most the requested top-k
 */
public record MatchResult(Decision decision, Optional<String> person, double distance, double confidence,
                          double threshold, List<Candidate> candidates) {

    public MatchResult {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(person, "person");
        candidates = List.copyOf(candidates);
        if (person.isPresent() != (decision == Decision.KNOWN)) {
            throw new IllegalArgumentException("A person is named exactly when the decision is KNOWN");
        }
    }

    public boolean isKnown() {
        return decision == Decision.KNOWN;
    }

    /** The person's name, or {@code "unknown"} / {@code "ambiguous"}; convenient for display. */
    public String label() {
        return person.orElse(decision.name().toLowerCase(java.util.Locale.ROOT));
    }
}
