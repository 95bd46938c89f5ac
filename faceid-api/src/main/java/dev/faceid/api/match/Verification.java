package dev.faceid.api.match;

/**
 * The answer to "are these two faces the same person?". Immutable and thread-safe.
 *
 * @param samePerson true if {@code distance < threshold}
 * @param distance   between the two embeddings, in the metric of the threshold
 * @param threshold  the threshold used
 * @param confidence {@code 1 - cosine distance}, clamped to [0, 1]
 */
public record Verification(boolean samePerson, double distance, double threshold, double confidence) {
}
