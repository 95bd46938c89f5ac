package dev.faceid.api.error;

/**
 * Root of every error faceid throws on purpose. Messages say what went wrong and what to do about it.
 *
 * <p>Unchecked so that a pipeline of lambdas stays readable; callers that want to react to one cause catch the
 * subclass that names it. Instances are immutable and safe to share between threads.
 */
public class FaceIdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FaceIdException(String message) {
        super(message);
    }

    public FaceIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
