package dev.faceid.core.gallery;

import dev.faceid.api.error.ConfigurationException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link ScanKernel} at run time. The Vector API is an incubator module that the JVM resolves only when
 * started with {@value #ENABLE_FLAG}; without it the scalar kernel runs, so faceid never fails for want of the flag.
 * {@code -D}{@value #PROPERTY}{@code =scalar|vector} forces one (for tests and benchmarks); forcing {@code vector}
 * on a JVM without the module is a configuration error rather than a silent fallback, so a benchmark never
 * measures the other kernel by mistake. Stateless apart from the once-computed default; thread-safe.
 */
final class ScanKernels {
    static final String PROPERTY = "faceid.search.kernel";
    static final String ENABLE_FLAG = "--add-modules jdk.incubator.vector";
    private static final Logger LOG = LoggerFactory.getLogger(ScanKernels.class);

    private ScanKernels() {
    }

    /** The kernel {@value #PROPERTY} asks for, or the fastest one this JVM can run. */
    static ScanKernel fromSystemProperty() {
        String requested = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        switch (requested) {
            case "":
                return Default.KERNEL;
            case "scalar":
                return new ScalarKernel();
            case "vector":
                ScanKernel vector = vectorOrNull();
                if (vector == null) {
                    throw new ConfigurationException("-D" + PROPERTY + "=vector needs the Vector API: start the JVM "
                            + "with " + ENABLE_FLAG);
                }
                return vector;
            default:
                throw new ConfigurationException("-D" + PROPERTY + " must be scalar or vector, got '" + requested
                        + "'");
        }
    }

    /** The vector kernel if the JVM resolved {@code jdk.incubator.vector} and the kernel links, else null. */
    static ScanKernel vectorOrNull() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            // By name, so that nothing links VectorKernel (and with it the incubator classes) unless it is used.
            return (ScanKernel) Class.forName(ScanKernels.class.getPackageName() + ".VectorKernel")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | UnsupportedOperationException e) {
            LOG.debug("The Vector API module is present but the vector kernel did not load", e);
            return null;
        }
    }

    /** Holder: the default is probed and logged once, on first use. */
    private static final class Default {
        static final ScanKernel KERNEL = probe();

        private static ScanKernel probe() {
            ScanKernel vector = vectorOrNull();
            if (vector != null) {
                LOG.info("Gallery search uses the Vector API kernel, {}", vector);
                return vector;
            }
            LOG.info("Gallery search uses the scalar kernel; start the JVM with {} for the faster Vector API kernel",
                    ENABLE_FLAG);
            return new ScalarKernel();
        }
    }
}
