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
 * resources (nothing is loaded; with the natives and the JNI library on the class path DJL never downloads), native
 * load failures turned into {@link ProviderUnavailableException}, and the device choice. No JVM system property is
 * set: engine settings go through DJL model options or, where the engine only has a process-wide one, through the
 * engine's own API, documented by the subclass.
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

    /**
     * Class-path resources of which at least one must exist: DJL's JNI library for this engine, where the engine
     * has one. Without it DJL would try to download it.
     */
    protected List<String> jniResources() {
        return List.of();
    }

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

    /**
     * Settings the engine only has process-wide, applied once it has started. Subclasses that use this say so in
     * their Javadoc, since another user of the same engine in this JVM shares them.
     */
    protected void afterEngineStart(Engine engine, BackendOptions options) {
    }

    /**
     * Whether this artifact can run on a GPU at all. The CPU artifacts answer false, so that not even DJL's default
     * device probe looks for CUDA.
     */
    protected boolean gpuCapable() {
        return !defaultDevice().equals("cpu");
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
        List<String> jni = jniResources();
        if (!jni.isEmpty() && jni.stream().noneMatch(r -> loader.getResource(r) != null)) {
            return Availability.unavailable("no DJL " + engineName() + " JNI library for " + platform()
                    + " on the class path (looked for " + jni + ")");
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
        Engine engine;
        try {
            engine = Engine.getEngine(engineName());
        } catch (Throwable t) {
            throw new ProviderUnavailableException("The " + name() + " backend's native library failed to load on "
                    + platform() + ": " + t + ". Check that " + artifact() + " matches this platform.", t);
        }
        afterEngineStart(engine, options);
        Device device = chooseDevice(engine, options);
        BundledModels bundled = options.modelFolder().map(BundledModels::folder).orElseGet(BundledModels::artifacts);
        DjlBackend backend = new DjlBackend(name(), engine, bundled, modelExtension(), device, options,
                engineOptions(options));
        if (device.isGpu()) {
            LOG.info("faceid {} backend runs on {} ({} {})", name(), backend.device(), engineName(),
                    engine.getVersion());
        }
        return backend;
    }

    private Device chooseDevice(Engine engine, BackendOptions options) {
        String wanted = options.device().orElse(defaultDevice()).toLowerCase(Locale.ROOT);
        if (wanted.equals("cpu")) {
            return Device.cpu();
        }
        if (!gpuCapable()) {
            throw new ProviderUnavailableException("The " + name() + " backend runs on the CPU only, not on "
                    + wanted + ". Add the GPU artifact (" + artifact() + "-gpu) for a GPU.");
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
