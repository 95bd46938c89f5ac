package dev.faceid.api.error;

/**
 * An image could not be used: unreadable, corrupt, truncated, of an unsupported type, or too large.
 *
 * <p>Immutable and safe to share between threads.
 */
public class ImageException extends FaceIdException {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
