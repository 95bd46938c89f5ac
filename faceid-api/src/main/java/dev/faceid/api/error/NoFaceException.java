package dev.faceid.api.error;

/**
 * An operation that needs exactly one face (enrolment from a photo, verification) found none.
 *
 * <p>Immutable and safe to share between threads.
 */
public class NoFaceException extends FaceIdException {
    private static final long serialVersionUID = 1L;

    public NoFaceException(String message) {
        super(message);
    }

    public NoFaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
