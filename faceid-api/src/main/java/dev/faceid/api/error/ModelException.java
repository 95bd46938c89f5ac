package dev.faceid.api.error;

/**
 * A model file is missing, unreadable, of the wrong format, or does not have the inputs and outputs its description promises.
 *
 * <p>Immutable and safe to share between threads.
 */
public class ModelException extends FaceIdException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
