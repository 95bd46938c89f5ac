package dev.faceid.api.error;

/**
 * A provider is on the class path but cannot run here, typically because its native library failed to load; the cause says why.
 *
 * <p>Immutable and safe to share between threads.
 */
public class ProviderUnavailableException extends FaceIdException {
    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
