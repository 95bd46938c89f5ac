package dev.faceid.api.detect;

/**
 * The five facial landmarks, in the order faceid stores them. "Left" and "right" are as seen in the image, not from
 * the subject's point of view: {@link #LEFT_EYE} has the smaller x in an upright, frontal face.
 */
public enum Landmark {
    LEFT_EYE, RIGHT_EYE, NOSE, MOUTH_LEFT, MOUTH_RIGHT
}
