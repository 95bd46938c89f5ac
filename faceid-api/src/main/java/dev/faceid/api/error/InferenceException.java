package dev.faceid.api.error;

/**
 * The inference engine failed while running a network on valid input.
 *
 * <p>Immutable and safe to share between threads.
 */
public class InferenceException extends FaceIdException {
    private static final long serialVersionUID = 1L;

    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
