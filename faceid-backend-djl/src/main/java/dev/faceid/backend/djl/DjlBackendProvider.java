package dev.faceid.backend.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.BackendProvider;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.error.ProviderUnavailableException;
import dev.faceid.api.spi.Availability;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ONNX Runtime and PyTorch providers share: availability from the presence of classes and native
 * resources (nothing is loaded), DJL forced offline so nothing is ever downloaded, native load failures turned into
 * {@link ProviderUnavailableException}, and the device choice.
 *
 * <p>Subclasses are immutable and thread-safe.
 */
public abstract class DjlBackendProvider implements BackendProvider {
    private static final Logger LOG = LoggerFactory.getLogger(DjlBackendProvider.class);

    /** The DJL engine name, e.g. {@code "OnnxRuntime"}. */
    protected abstract String engineName();

    /** A class of the DJL engine and one of its runtime, checked without initialising them. */
    protected abstract List<String> requiredClasses();

    /** Class-path resources of which at least one must exist: the natives for this platform. */
    protected abstract List<String> nativeResources();

    /** Folder of the bundled models in this backend's jar. */
    protected abstract String modelResourceDir();

    /** Extension of the model files this engine reads, with the dot. */
    protected abstract String modelExtension();

    /** DJL {@code Criteria} options for these backend options. */
    protected abstract Map<String, String> engineOptions(BackendOptions options);

    /**
     * The device used when the options name none: {@code "cpu"} for the CPU artifacts, {@code "gpu"} for the GPU
     * ones, which fall back to the CPU with one warning where no GPU is visible.
     */
    protected String defaultDevice() {
        return "cpu";
    }

    /** Engine settings that must be in place before the engine first loads (system properties). */
    protected void beforeEngineStart(BackendOptions options) {
    }

    @Override
    public Availability availability() {
        ClassLoader loader = getClass().getClassLoader();
        for (String c : requiredClasses()) {
            try {
                Class.forName(c, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Availability.unavailable("class " + c + " is not on the class path", e);
            }
        }
        List<String> natives = nativeResources();
        if (natives.stream().noneMatch(r -> loader.getResource(r) != null)) {
            return Availability.unavailable("no " + engineName() + " natives for " + platform()
                    + " on the class path (looked for " + natives + ")");
        }
        return Availability.ok();
    }

    @Override
    public InferenceBackend create(BackendOptions options) {
        Availability a = availability();
        if (!a.available()) {
            throw new ProviderUnavailableException("The " + name() + " backend cannot run here: " + a.reason(),
                    a.cause().orElse(null));
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        beforeEngineStart(options);
        Engine engine;
        try {
            engine = Engine.getEngine(engineName());
        } catch (Throwable t) {
            throw new ProviderUnavailableException("The " + name() + " backend's native library failed to load on "
                    + platform() + ": " + t + ". Check that " + artifact() + " matches this platform.", t);
        }
        Device device = chooseDevice(engine, options);
        return new DjlBackend(name(), engineName(), getClass(), modelResourceDir(), modelExtension(), device,
                options, engineOptions(options));
    }

    private Device chooseDevice(Engine engine, BackendOptions options) {
        String wanted = options.device().orElse(defaultDevice()).toLowerCase(Locale.ROOT);
        if (wanted.equals("cpu")) {
            return Device.cpu();
        }
        int id = wanted.startsWith("gpu:") ? Integer.parseInt(wanted.substring(4)) : 0;
        if (engine.getGpuCount() > id) {
            return Device.gpu(id);
        }
        LOG.warn("faceid {} backend: {} wanted but {} sees {} GPU(s); running on the CPU.", name(), wanted,
                engineName(), engine.getGpuCount());
        return Device.cpu();
    }

    /** The platform in the spelling native artifacts use, e.g. {@code linux-x86_64}. */
    protected static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") ? "osx" : os.contains("win") ? "win" : "linux";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
        return o + "-" + a;
    }
}
