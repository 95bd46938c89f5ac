package dev.faceid.api.error;

/**
 * A backend ran one of its bundled networks on a bundled input and did not get the bundled known answer: on this
 * machine the engine computes wrong numbers, so the backend refuses to run rather than answer wrongly. The message
 * names the network, the largest error and its tolerance, the engine and its version, and the CPU.
 *
 * <p>Immutable and safe to share between threads.
 */
public class SelfTestFailedException extends ProviderUnavailableException {
    private static final long serialVersionUID = 1L;

    private final String network;
    private final double maxError;
    private final double tolerance;

    public SelfTestFailedException(String message, String network, double maxError, double tolerance) {
        super(message);
        this.network = network;
        this.maxError = maxError;
        this.tolerance = tolerance;
    }

    /** The network whose output differed, e.g. {@code "rnet"}. */
    public String network() {
        return network;
    }

    /** The largest absolute difference from the known answer; NaN when the output held a NaN. */
    public double maxError() {
        return maxError;
    }

    /** The largest difference the known answer allows. */
    public double tolerance() {
        return tolerance;
    }
}
