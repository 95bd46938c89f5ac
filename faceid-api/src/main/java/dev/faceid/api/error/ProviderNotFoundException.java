package dev.faceid.api.error;

/**
 * No provider of the requested name is on the class path, or none at all; the message lists the available names and the module to add.
 *
 * <p>Immutable and safe to share between threads.
 */
public class ProviderNotFoundException extends FaceIdException {
    private static final long serialVersionUID = 1L;

    public ProviderNotFoundException(String message) {
        super(message);
    }

    public ProviderNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
