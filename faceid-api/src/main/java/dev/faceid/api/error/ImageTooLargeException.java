package dev.faceid.api.error;

/**
 * An image exceeds the configured pixel limit; checked from the header before any pixel is decoded.
 *
 * <p>Immutable and safe to share between threads.
 */
public class ImageTooLargeException extends ImageException {
    private static final long serialVersionUID = 1L;

    public ImageTooLargeException(String message) {
        super(message);
    }

    public ImageTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
