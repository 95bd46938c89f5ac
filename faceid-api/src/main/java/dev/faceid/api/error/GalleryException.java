package dev.faceid.api.error;

/**
 * A gallery file cannot be read or written: damaged, truncated, of a newer format version, or of another embedding model. Nothing in memory changes when this is thrown.
 *
 * <p>Immutable and safe to share between threads.
 */
public class GalleryException extends FaceIdException {
    private static final long serialVersionUID = 1L;

    public GalleryException(String message) {
        super(message);
    }

    public GalleryException(String message, Throwable cause) {
        super(message, cause);
    }
}
