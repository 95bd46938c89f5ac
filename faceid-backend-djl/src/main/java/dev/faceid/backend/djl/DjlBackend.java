package dev.faceid.backend.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import dev.faceid.api.backend.BackendOptions;
import dev.faceid.api.backend.FloatTensor;
import dev.faceid.api.backend.InferenceBackend;
import dev.faceid.api.backend.ModelSource;
import dev.faceid.api.backend.Network;
import dev.faceid.api.error.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An {@link InferenceBackend} on one DJL engine. Bundled models are copied once from the backend jar into a private
 * temporary folder (DJL engines load from files) and shared by every caller; the folder is deleted on close.
 *
 * <p>Thread-safe.
 */
public final class DjlBackend implements InferenceBackend {
    private final String name;
    private final String engine;
    private final Class<?> resourceAnchor;
    private final String resourceDir;
    private final String extension;
    private final Device device;
    private final BackendOptions options;
    private final Map<String, String> engineOptions;
    private final Map<ModelSource, DjlNetwork> networks = new ConcurrentHashMap<>();
    private final Path workDir;
    /**
     * Runs the shares of split batches. Unbounded on purpose: how many inferences run at once is bounded by each
     * network's predictor pool, and a bounded pool here could starve callers waiting on their shares.
     */
    private final ExecutorService helpers = Executors.newCachedThreadPool(daemonThreads());

    /**
     * @param name           the faceid provider name, e.g. {@code "onnx"}
     * @param engine         the DJL engine name, e.g. {@code "OnnxRuntime"}
     * @param resourceAnchor a class of the backend jar, whose loader finds the bundled models
     * @param resourceDir    the folder of the bundled models in that jar, e.g. {@code "/dev/faceid/backend/onnx/models"}
     * @param extension      the model file extension, e.g. {@code ".onnx"}
     * @param device         where networks run
     * @param engineOptions  passed to DJL's {@code Criteria.optOption}
     */
    public DjlBackend(String name, String engine, Class<?> resourceAnchor, String resourceDir, String extension,
                      Device device, BackendOptions options, Map<String, String> engineOptions) {
        this.name = name;
        this.engine = engine;
        this.resourceAnchor = resourceAnchor;
        this.resourceDir = resourceDir;
        this.extension = extension;
        this.device = device;
        this.options = options;
        this.engineOptions = Map.copyOf(engineOptions);
        try {
            this.workDir = Files.createTempDirectory("faceid-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the bundled models", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    @Override
    public Network load(ModelSource source) {
        return networks.computeIfAbsent(source, this::open);
    }

    private DjlNetwork open(ModelSource source) {
        Path file;
        String label;
        if (source instanceof ModelSource.Bundled bundled) {
            label = bundled.name();
            file = extract(bundled.name());
        } else {
            file = ((ModelSource.File) source).path();
            label = file.toString();
            if (!Files.isRegularFile(file)) {
                throw new ModelException("Model file not found: " + file);
            }
        }
        Criteria.Builder<FloatTensor, List<FloatTensor>> criteria = Criteria.builder()
                .setTypes(FloatTensor.class, (Class<List<FloatTensor>>) (Class<?>) List.class)
                // A folder plus a model name, because DJL treats a bare file path as an archive to unpack.
                .optModelPath(file.toAbsolutePath().getParent())
                .optModelName(modelName(file))
                .optEngine(engine)
                .optDevice(device)
                .optTranslator(new TensorTranslator());
        engineOptions.forEach(criteria::optOption);
        try {
            ZooModel<FloatTensor, List<FloatTensor>> model = criteria.build().loadModel();
            return new DjlNetwork(label, model, options.poolSize(), helpers);
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new ModelException("Cannot load model " + label + " on " + engine + ": " + e.getMessage()
                    + ". Check that the file is a valid " + extension + " model for this backend.", e);
        }
    }

    private String modelName(Path file) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(extension)) {
            throw new ModelException("The " + name + " backend loads " + extension + " files, not " + file);
        }
        return fileName.substring(0, fileName.length() - extension.length());
    }

    private Path extract(String model) {
        String resource = resourceDir + "/" + model + extension;
        try (InputStream in = resourceAnchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelException("Bundled model '" + model + "' is missing from the " + name
                        + " backend jar (expected resource " + resource + "). The jar is damaged or incomplete.");
            }
            Path file = workDir.resolve(model + extension);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new ModelException("Cannot extract bundled model " + resource + ": " + e.getMessage(), e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "faceid-inference-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        helpers.shutdownNow();
        networks.values().forEach(DjlNetwork::close);
        networks.clear();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary folder is harmless.
        }
    }

    @Override
    public String toString() {
        return "DjlBackend[" + name + ", " + engine + ", " + device() + "]";
    }
}
