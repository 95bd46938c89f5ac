package dev.faceid.api.spi;

/**
 * What every faceid service provider advertises. A provider is a cheap factory found through
 * {@link java.util.ServiceLoader}: constructing it, and calling these methods, never loads native code or
 * models. That happens when its product is created.
 *
 * <p>Implementations must be immutable and thread-safe.
 */
public interface Provider {

    /** The stable, lower-case name used for lookup, e.g. {@code "onnx"} or {@code "mtcnn"}. */
    String name();

    /** Higher wins when no provider is chosen explicitly. */
    int priority();

    /** Whether this provider can run here, decided without loading natives. */
    Availability availability();

    /** The Maven artifact that ships this provider, named in error messages. */
    String artifact();
}
