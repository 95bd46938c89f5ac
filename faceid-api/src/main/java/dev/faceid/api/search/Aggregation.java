package dev.faceid.api.search;

/** How a person's several enrolled samples combine into one distance. */
public enum Aggregation {
    /** The distance to the nearest sample: robust to one bad sample being far. */
    NEAREST,
    /** The mean distance over all samples: robust to one stray sample being near. */
    MEAN
}
