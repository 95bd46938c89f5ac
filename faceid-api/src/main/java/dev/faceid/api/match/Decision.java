package dev.faceid.api.match;

/** The outcome of an open-set identification. */
public enum Decision {
    /** The nearest person is under the threshold and, if a margin is set, clearly nearer than the next one. */
    KNOWN,
    /** Nobody is under the threshold, or the gallery is empty. */
    UNKNOWN,
    /** The nearest person is under the threshold but the second nearest is within the margin of it. */
    AMBIGUOUS
}
