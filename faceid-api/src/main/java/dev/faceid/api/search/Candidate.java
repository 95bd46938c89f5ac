package dev.faceid.api.search;

import java.util.Objects;

/**
 * One enrolled person and their distance to a query. Immutable and thread-safe.
 *
 * @param person   the enrolled name
 * @param distance in the matcher's metric; smaller is closer
 */
public record Candidate(String person, double distance) {
    public Candidate {
        Objects.requireNonNull(person, "person");
    }
}
