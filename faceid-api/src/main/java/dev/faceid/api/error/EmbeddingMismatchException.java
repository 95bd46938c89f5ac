package dev.faceid.api.error;

/**
 * Two embeddings, or an embedding and a gallery, come from different models or have different dimensions and cannot be compared.
 *
 * <p>Immutable and safe to share between threads.
 */
public class EmbeddingMismatchException extends FaceIdException {
    private static final long serialVersionUID = 1L;

    public EmbeddingMismatchException(String message) {
        super(message);
    }

    public EmbeddingMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
