package dev.faceid.api.embed;

/** How a detected face becomes the embedder's input. */
public enum Alignment {
    /** Similarity transform of the five landmarks onto the model's template: the accurate default. */
    LANDMARKS,
    /** The tutorial's plain crop of the detection box resized to the input; no rotation correction. */
    BOX_CROP
}
