package dev.faceid.cli.video;

/** A video could not be opened, decoded or written. */
public final class VideoException extends RuntimeException {
    public VideoException(String message, Throwable cause) {
        super(message, cause);
    }

    public VideoException(String message) {
        super(message);
    }
}
