package dev.faceid.api.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a provider can run on this machine, decided without loading native code.
 *
 * <p>Immutable and thread-safe.
 *
 * @param available true if creating the provider's product is expected to work
 * @param reason    a human-readable explanation, empty when available
 * @param cause     the failure that made it unavailable, if there was one
 */
public record Availability(boolean available, String reason, Optional<Throwable> cause) {

    private static final Availability AVAILABLE = new Availability(true, "", Optional.empty());

    public Availability {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
    }

    public static Availability ok() {
        return AVAILABLE;
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason, Optional.empty());
    }

    public static Availability unavailable(String reason, Throwable cause) {
        return new Availability(false, reason, Optional.of(cause));
    }
}
