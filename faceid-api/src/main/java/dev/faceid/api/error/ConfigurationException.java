package dev.faceid.api.error;

/**
 * Options contradict each other or are out of range.
 *
 * <p>Immutable and safe to share between threads.
 */
public class ConfigurationException extends FaceIdException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
